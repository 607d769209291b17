/** Programme office: the rounds, each with its status and pipeline stage in words; a new round. */
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { StatusTag, usePipeline, useRunLabel, useS, useStageLabel, yuan } from './common.tsx';

function Stage({ roundId }: { roundId: string }) {
  const pipeline = usePipeline(roundId);
  const stage = useStageLabel();
  const run = useRunLabel();
  if (!pipeline.data) return null;
  const p = pipeline.data;
  if (p.status === 'NOT_STARTED') return <span>{run(p.status)}</span>;
  return (
    <span>
      {stage(p.stage)} <StatusTag tone={p.status === 'FAILED' ? 'bad' : undefined}>{run(p.status)}</StatusTag>
    </span>
  );
}

export function RoundList() {
  const s = useS();
  const t = useT();
  const navigate = useNavigate();
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: async () => unwrap(await api.GET('/v1/rounds')).items,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{t('rounds')}</h1>
      <ErrorAlert error={rounds.error} />
      <div>
        <Button type="primary" onClick={() => void navigate('/rounds/new')}>
          {s('newRound')}
        </Button>
      </div>
      <Scroll label={t('rounds')}>
        <Table<Schemas['Round']>
          rowKey="id"
          size="small"
          loading={rounds.isLoading}
          dataSource={rounds.data ?? []}
          pagination={false}
          columns={[
            {
              title: s('name'),
              dataIndex: 'name',
              render: (name: string, r) => <Link to={`/rounds/${r.id}`}>{name}</Link>,
            },
            {
              title: s('status'),
              dataIndex: 'status',
              render: (st: string) => (
                <StatusTag>{st === 'open' ? s('roundOpen') : s('roundClosed')}</StatusTag>
              ),
            },
            { title: s('budget'), dataIndex: 'budget', render: (b: number) => yuan(b) },
            {
              title: s('window'),
              key: 'window',
              render: (_, r) =>
                `${r.applicationWindow.opensAt.slice(0, 10)} – ${r.applicationWindow.closesAt.slice(0, 10)}`,
            },
            { title: s('stage'), key: 'pipeline', render: (_, r) => <Stage roundId={r.id} /> },
          ]}
        />
      </Scroll>
    </Space>
  );
}
