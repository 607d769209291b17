/** The round's pipeline as a timeline: each stage, the current one, what it waits on, runs, failure and retry. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Descriptions, Space, Steps, Table } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { Scroll } from '../Scroll.tsx';
import { StatusTag, timelineStages, useRunLabel, useS, useStageLabel } from './common.tsx';
import { ReasonAction } from './ReasonDialog.tsx';

type Status = Schemas['PipelineStatus'];

/** The stage shown as current: where the run is, or where it failed. */
export function currentStage(p: Status): string {
  if (p.stage !== 'failed') return p.stage;
  return (
    p.failure?.stage ??
    p.attempts?.at(-1)?.stage ??
    p.history.filter((h) => h.stage !== 'failed').at(-1)?.stage ??
    'starting'
  );
}

export function PipelineCard({ roundId, pipeline }: { roundId: string; pipeline: Status | undefined }) {
  const s = useS();
  const stage = useStageLabel();
  const run = useRunLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/pipeline/retry', {
          params: { path: { roundId } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      void message.success(s('retried'));
      void queryClient.invalidateQueries({ queryKey: ['pipeline', roundId] });
    },
  });
  if (!pipeline) return null;
  const p = pipeline;
  const started = p.status !== 'NOT_STARTED';
  const here = currentStage(p);
  const index = Math.max(0, timelineStages.indexOf(here as (typeof timelineStages)[number]));
  const failed = p.status === 'FAILED' || p.stage === 'failed';
  const done = p.status === 'SUCCEEDED';
  const stepStatus = failed ? 'error' : done ? 'finish' : 'process';
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('pipeline')}</h2>}
      size="small"
      data-stage={started ? here : 'not-started'}
      data-status={p.status}
      data-waiting={p.waitingOn ? 'yes' : 'no'}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {started ? (
          <nav aria-label={s('pipeline')}>
            <Steps
              size="small"
              current={done ? timelineStages.length : index}
              status={stepStatus}
              items={timelineStages.map((st, i) => ({
                title: stage(st),
                content:
                  i === index && !done
                    ? failed
                      ? s('runFailed')
                      : p.waitingOn
                        ? s('waitingOn')
                        : run(p.status)
                    : undefined,
              }))}
            />
          </nav>
        ) : null}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            {
              key: 'status',
              label: s('status'),
              children: <StatusTag tone={failed ? 'bad' : done ? 'ok' : 'info'}>{run(p.status)}</StatusTag>,
            },
            { key: 'stage', label: s('stage'), children: started ? stage(here) : s('notStarted') },
            ...(p.attempt ? [{ key: 'attempt', label: s('attempt'), children: String(p.attempt) }] : []),
            ...(p.waitingOn
              ? [
                  {
                    key: 'waiting',
                    label: s('waitingOn'),
                    children: <span data-testid="waiting-on">{p.waitingOn}</span>,
                  },
                ]
              : []),
          ]}
        />
        {failed ? (
          <Alert
            type="error"
            showIcon
            title={`${s('failure')}（${stage(here)}）`}
            description={
              <Space orientation="vertical">
                <span>
                  {p.failure
                    ? `${p.failure.error}: ${p.failure.message}`
                    : (p.attempts?.at(-1)?.error?.message ?? '')}
                </span>
                <ReasonAction
                  label={s('retry')}
                  title={s('retry')}
                  question={`${s('retry')}：${stage(here)}`}
                  reasonLabel={s('retryReason')}
                  onConfirm={(reason) => retry.mutateAsync(reason)}
                  pending={retry.isPending}
                  error={retry.error}
                  primary
                />
              </Space>
            }
          />
        ) : null}
        {p.attempts && p.attempts.length > 1 ? (
          <Scroll label={s('attempts')}>
            <Table
              size="small"
              style={{ minWidth: 560 }}
              rowKey="attempt"
              pagination={false}
              dataSource={p.attempts}
              caption={s('attempts')}
              columns={[
                { title: s('attempt'), dataIndex: 'attempt' },
                {
                  title: s('when'),
                  dataIndex: 'startedAt',
                  render: (at?: string) => (at ? new Date(at).toLocaleString() : '—'),
                },
                { title: s('outcome'), dataIndex: 'outcome', render: (o: string) => run(o) },
                { title: s('stage'), dataIndex: 'stage', render: (st?: string) => (st ? stage(st) : '—') },
                {
                  title: s('failure'),
                  key: 'error',
                  render: (_, a) => (a.error ? `${a.error.error}: ${a.error.message}` : '—'),
                },
              ]}
            />
          </Scroll>
        ) : null}
      </Space>
    </Card>
  );
}
