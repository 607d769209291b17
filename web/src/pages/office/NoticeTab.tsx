/** The public notice (公示) and designation: when published, its page, and the alliances with their amounts. */
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space, Table } from 'antd';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { StatusTag, useS, yuan } from './common.tsx';

interface Entry {
  allianceId: string;
  name: string;
  award: number;
  rank: number;
  withdrawn?: { at: string; ground: string };
}
interface Notice {
  publishedAt: string;
  endsAt: string;
  totalAward: number;
  entries: Entry[];
}

const published = ['public-notice', 'objections', 'supplement', 'designation', 'implementation'];

export function NoticeTab({ roundId, stage }: { roundId: string; stage?: string }) {
  const s = useS();
  const notice = useQuery({
    queryKey: ['notice', roundId],
    enabled: stage !== undefined && published.includes(stage),
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/public/rounds/{roundId}/notice', { params: { path: { roundId } } }),
      ) as unknown as Notice,
  });
  const designated = stage === 'implementation';
  if (!notice.data) {
    const missing = notice.error instanceof ApiError && notice.error.status === 404;
    return (
      <Space orientation="vertical">
        <h2 style={{ fontSize: 16, margin: 0 }}>{s('notice')}</h2>
        {missing || !notice.error ? <p>{s('noNotice')}</p> : <ErrorAlert error={notice.error} />}
      </Space>
    );
  }
  const n = notice.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h2 style={{ fontSize: 16, margin: 0 }}>{s('notice')}</h2>
      <a href={`/v1/public/rounds/${roundId}/notice.html`} target="_blank" rel="noreferrer">
        {s('noticePage')}
      </a>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'p', label: s('publishedAt'), children: new Date(n.publishedAt).toLocaleString() },
          { key: 'e', label: s('endsAt'), children: new Date(n.endsAt).toLocaleString() },
          { key: 't', label: s('totalAward'), children: yuan(n.totalAward) },
        ]}
      />
      <Scroll label={s('notice')}>
        <Table<Entry>
          size="small"
          style={{ minWidth: 420 }}
          rowKey="allianceId"
          pagination={false}
          dataSource={n.entries}
          caption={s('notice')}
          columns={[
            { title: s('rank'), dataIndex: 'rank' },
            { title: s('alliance'), dataIndex: 'name' },
            { title: s('award'), dataIndex: 'award', render: (a: number) => yuan(a) },
            {
              title: s('status'),
              key: 'state',
              render: (_, e) =>
                e.withdrawn ? (
                  <span>
                    <StatusTag tone="bad">{s('withdrawn')}</StatusTag> {e.withdrawn.ground}
                  </span>
                ) : (
                  <StatusTag tone={designated ? 'ok' : 'info'}>
                    {designated ? s('designated') : s('inNotice')}
                  </StatusTag>
                ),
            },
          ]}
        />
      </Scroll>
    </Space>
  );
}
