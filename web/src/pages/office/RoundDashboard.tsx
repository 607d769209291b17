/**
 * A round's dashboard (/rounds/:id): its settings at a glance, the pipeline timeline, closing the
 * round, and the office's work per stage: screening, review, ranking and approval, the notice and
 * designation, and the audit history.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Descriptions, Space, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { usePipeline, useRound, useS, yuan } from './common.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { NoticeTab } from './NoticeTab.tsx';
import { currentStage, PipelineCard } from './Pipeline.tsx';
import { RankingTab } from './RankingTab.tsx';
import { ReasonAction } from './ReasonDialog.tsx';
import { ReviewTab } from './ReviewTab.tsx';
import { ScreeningTab } from './ScreeningTab.tsx';

const tabOfStage: Record<string, string> = {
  screening: 'screening',
  review: 'review',
  selection: 'ranking',
  'public-notice': 'notice',
  objections: 'notice',
  supplement: 'notice',
  designation: 'notice',
  implementation: 'notice',
};

export function RoundDashboard() {
  const s = useS();
  const { id = '' } = useParams();
  const round = useRound(id);
  const pipeline = usePipeline(id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [tab, setTab] = useState<string>();
  const close = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/close', { params: { path: { roundId: id } }, body: { reason } }),
      ),
    onSuccess: () => {
      void message.success(s('closed'));
      void queryClient.invalidateQueries({ queryKey: ['round', id] });
      void queryClient.invalidateQueries({ queryKey: ['pipeline', id] });
      void queryClient.invalidateQueries({ queryKey: ['rounds'] });
    },
  });
  const r = round.data;
  const p = pipeline.data;
  const stage = p ? currentStage(p) : undefined;
  const started = p && p.status !== 'NOT_STARTED';
  const activeTab = tab ?? (stage && tabOfStage[stage]) ?? 'screening';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{r?.name ?? ''}</h1>
      <ErrorAlert error={round.error ?? pipeline.error} />
      {r ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'status',
              label: s('status'),
              children: r.status === 'open' ? s('roundOpen') : s('roundClosed'),
            },
            { key: 'budget', label: s('budget'), children: yuan(r.budget) },
            { key: 'cap', label: s('perAllianceCap'), children: yuan(r.perAllianceCap) },
            {
              key: 'window',
              label: s('window'),
              children: `${new Date(r.applicationWindow.opensAt).toLocaleDateString()} – ${new Date(r.applicationWindow.closesAt).toLocaleDateString()}`,
            },
            {
              key: 'deadline',
              label: s('reviewDeadline'),
              children: new Date(r.reviewDeadline).toLocaleDateString(),
            },
            { key: 'reviewers', label: s('reviewersPerAlliance'), children: r.reviewersPerAlliance },
            { key: 'notice', label: s('noticePeriodDays'), children: r.noticePeriodDays },
            {
              key: 'rubric',
              label: s('rubric'),
              children: r.rubric.map((c) => `${c.name}（${c.weight}%，${s('max')} ${c.max}）`).join('；'),
            },
          ]}
        />
      ) : null}
      <Space wrap>
        {r?.status === 'open' ? (
          <>
            <Link to={`/rounds/${id}/edit`}>{s('editRound')}</Link>
            <ReasonAction
              label={s('closeRound')}
              title={s('closeRound')}
              question={s('closeConfirm')}
              reasonLabel={s('closeReason')}
              initialReason=""
              onConfirm={(reason) => close.mutateAsync(reason)}
              pending={close.isPending}
              error={close.error}
              danger
            />
          </>
        ) : null}
        <Link to={`/rounds/${id}/objections`}>{s('objections')}</Link>
        <Link to={`/rounds/${id}/exports`}>{s('exports')}</Link>
        <Link to="/inspections">{s('inspections')}</Link>
      </Space>
      <PipelineCard roundId={id} pipeline={p} />
      {started ? (
        <Tabs
          activeKey={activeTab}
          onChange={setTab}
          items={[
            {
              key: 'screening',
              label: s('screening'),
              children: <ScreeningTab roundId={id} stage={stage} waiting={Boolean(p?.waitingOn)} />,
            },
            { key: 'review', label: s('review'), children: <ReviewTab roundId={id} stage={stage} /> },
            {
              key: 'ranking',
              label: s('ranking'),
              children: <RankingTab roundId={id} stage={stage} waiting={Boolean(p?.waitingOn)} />,
            },
            { key: 'notice', label: s('notice'), children: <NoticeTab roundId={id} stage={stage} /> },
            { key: 'history', label: s('history'), children: <HistoryTab roundId={id} /> },
          ]}
        />
      ) : (
        <>
          <ReviewTab roundId={id} stage={stage} />
          <HistoryTab roundId={id} />
        </>
      )}
    </Space>
  );
}
