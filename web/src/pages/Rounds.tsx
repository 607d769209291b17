/** Programme office: the rounds and, per round, the pipeline stage (what it waits on). */
import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Scroll } from './Scroll.tsx';

function Stage({ roundId }: { roundId: string }) {
  const pipeline = useQuery({
    queryKey: ['pipeline', roundId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/rounds/{roundId}/pipeline', { params: { path: { roundId } } })),
  });
  if (!pipeline.data) return null;
  return (
    <span>
      <Tag>{pipeline.data.status}</Tag> {pipeline.data.stage}{' '}
      {pipeline.data.waitingOn ? `· ${pipeline.data.waitingOn}` : ''}
    </span>
  );
}

export function RoundList() {
  const t = useT();
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: async () => unwrap(await api.GET('/v1/rounds')).items,
  });
  return (
    <>
      <h1 style={{ fontSize: 18 }}>{t('rounds')}</h1>
      <ErrorAlert error={rounds.error} />
      <Scroll label={t('rounds')}>
        <Table<Schemas['Round']>
          rowKey="id"
          size="small"
          loading={rounds.isLoading}
          dataSource={rounds.data ?? []}
          pagination={false}
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
            { title: t('budget'), dataIndex: 'budget', render: (b: number) => b.toLocaleString('zh-CN') },
            {
              title: t('window'),
              key: 'window',
              render: (_, r) =>
                `${r.applicationWindow.opensAt.slice(0, 10)} – ${r.applicationWindow.closesAt.slice(0, 10)}`,
            },
            { title: t('pipeline'), key: 'pipeline', render: (_, r) => <Stage roundId={r.id} /> },
          ]}
        />
      </Scroll>
    </>
  );
}
