/** Screening (科协把关): each alliance's automatic findings rule by rule, and the office's pass/reject with a reason. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Radio, Space, Table } from 'antd';
import { useId, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useT, useText } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { StatusTag, useS, useScreening } from './common.tsx';
import { fill } from './strings.ts';

type Record_ = Schemas['ScreeningRecord'];

function Decide({ roundId, record }: { roundId: string; record: Record_ }) {
  const s = useS();
  const id = useId();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<'pass' | 'reject'>('pass');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/screening/{allianceId}', {
          params: { path: { roundId, allianceId: record.allianceId } },
          body: { outcome, reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      void message.success(`${record.name}: ${outcome === 'pass' ? s('decidedPass') : s('decidedReject')}`);
      void queryClient.invalidateQueries({ queryKey: ['screening', roundId] });
      void queryClient.invalidateQueries({ queryKey: ['pipeline', roundId] });
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group
        name={`decision-${record.allianceId}`}
        aria-label={`${s('decision')}: ${record.name}`}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as 'pass' | 'reject')}
        options={[
          { value: 'pass', label: s('pass') },
          { value: 'reject', label: s('reject') },
        ]}
      />

      <label htmlFor={id}>{`${s('reason')}（${record.name}）`}</label>
      <Input.TextArea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorAlert error={decide.error} />
      <div>
        <Button
          type="primary"
          disabled={!reason.trim()}
          loading={decide.isPending}
          onClick={() => decide.mutate()}
        >
          {s('record')}
        </Button>
      </div>
    </Space>
  );
}

export function ScreeningTab({
  roundId,
  stage,
  waiting,
}: {
  roundId: string;
  stage?: string;
  waiting: boolean;
}) {
  const s = useS();
  const text = useText();
  const queryClient = useQueryClient();
  const screening = useScreening(roundId);
  const complete = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/rounds/{roundId}/screening/complete', { params: { path: { roundId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['pipeline', roundId] }),
  });
  const data = screening.data;
  const t = useT();
  const subjectKind = (k: string) =>
    k === 'enterprise' ? t('enterprise') : k === 'society' ? t('society') : s('alliance');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h2 style={{ fontSize: 16, margin: 0 }}>{s('screening')}</h2>
      <ErrorAlert error={screening.error ?? complete.error} />
      {data ? (
        <p style={{ margin: 0 }} data-testid="screening-counts">
          {fill(s('screeningCounts'), {
            decided: data.decided,
            total: data.total,
            passed: data.passed,
            rejected: data.rejected,
          })}
        </p>
      ) : null}
      {data && data.items.length === 0 ? <p>{s('noneYet')}</p> : null}
      {data?.items.map((record) => (
        <Card
          key={record.allianceId}
          size="small"
          title={<h3 style={{ fontSize: 15, margin: 0 }}>{record.name}</h3>}
          extra={
            record.decision ? (
              <StatusTag tone={record.decision.outcome === 'pass' ? 'ok' : 'bad'}>
                {record.decision.outcome === 'pass' ? s('decidedPass') : s('decidedReject')}
              </StatusTag>
            ) : (
              <StatusTag tone="warn">{s('awaiting')}</StatusTag>
            )
          }
        >
          <section aria-label={`${s('screening')}: ${record.name}`}>
            <p style={{ marginTop: 0 }}>
              {s('findings')}：
              {record.findings.eligible
                ? s('allEligible')
                : `${s('someFail')}（${record.findings.failing.join(', ')}）`}
            </p>
            <Scroll label={`${s('findings')}: ${record.name}`}>
              <Table
                size="small"
                style={{ minWidth: 600 }}
                pagination={false}
                rowKey={(r) => `${r.id}-${r.subject.organisationId ?? ''}`}
                dataSource={record.findings.results}
                columns={[
                  { title: s('rule'), dataIndex: 'id' },
                  { title: s('clause'), dataIndex: 'clause' },
                  {
                    title: s('subject'),
                    key: 'subject',
                    render: (_, r) => r.subject.name ?? subjectKind(r.subject.kind),
                  },
                  {
                    title: s('result'),
                    dataIndex: 'passed',
                    render: (ok: boolean) => (ok ? s('rulePassed') : s('ruleFailed')),
                  },
                  { title: s('reason'), key: 'message', render: (_, r) => text(r.message) },
                ]}
              />
            </Scroll>
            {record.decision ? (
              <p>
                {s('decision')}：{record.decision.outcome === 'pass' ? s('decidedPass') : s('decidedReject')}{' '}
                · {s('reason')}：{record.decision.reason} · {s('by')}：{record.decision.by} ·{' '}
                {new Date(record.decision.at).toLocaleString()}
              </p>
            ) : stage === 'screening' ? (
              <Decide roundId={roundId} record={record} />
            ) : null}
          </section>
        </Card>
      ))}
      {stage === 'screening' && waiting ? (
        <div>
          <Button loading={complete.isPending} onClick={() => complete.mutate()}>
            {s('completeScreening')}
          </Button>
        </div>
      ) : null}
    </Space>
  );
}
