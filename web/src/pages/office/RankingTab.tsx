/**
 * Ranking and selection: raw and calibrated scores, rank, funded or not, the amount and the reason
 * per alliance; the budget chart (with its numbers as text); approval with adjustments and a note.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Descriptions, Input, Select, Space, Table } from 'antd';
import { useId, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useText } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { rankedStages, rankingQuery, StatusTag, score, useS, useScreening, yuan } from './common.tsx';
import { ReasonAction } from './ReasonDialog.tsx';

interface Row {
  allianceId: string;
  rank: number;
  funded: boolean;
  award: number;
  requested: number;
  reason?: { zh: string; en: string };
  budgetIncreaseToFund?: number;
  adjustment?: { action: 'include' | 'exclude'; reason: string };
}
interface Ranked {
  rawMean?: number | null;
  calibratedMean?: number | null;
  bonus?: number;
  finalScore?: number | null;
  reviewCount?: number;
}

export interface ChartRow {
  allianceId: string;
  name: string;
  funded: boolean;
  award: number;
  requested: number;
}

/** The budget: used and left, and each alliance's amount, funded or not (an SVG with a text equivalent). */
export function BudgetChart({ budget, used, rows }: { budget: number; used: number; rows: ChartRow[] }) {
  const s = useS();
  const titleId = useId();
  const left = Math.max(0, budget - used);
  const unfunded = rows.filter((r) => !r.funded);
  const unfundedSum = unfunded.reduce((sum, r) => sum + r.requested, 0);
  const W = 600;
  const barH = 22;
  const scale = (n: number) => (budget > 0 ? (Math.min(n, budget) / budget) * W : 0);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.award, r.requested)));
  const summary = `${s('budget')} ${yuan(budget)}：${s('used')} ${yuan(used)}，${s('left')} ${yuan(left)}；${s('fundedCount')} ${rows.length - unfunded.length}，${s('unfundedCount')} ${unfunded.length}（${s('requested')} ${yuan(unfundedSum)}）`;
  const height = 40 + rows.length * (barH + 8) + 10;
  return (
    <figure aria-label={s('budgetChart')} style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${W + 150} ${height}`}
        style={{ width: '100%', maxWidth: 760, height: 'auto', display: 'block' }}
      >
        <title id={titleId}>{summary}</title>
        <rect x={0} y={4} width={scale(used)} height={barH} fill="#1f5fbf" />
        <rect x={scale(used)} y={4} width={scale(left)} height={barH} fill="#d9d9d9" stroke="#595959" />
        <text x={W + 8} y={20} fontSize={13} fill="#262626">
          {`${s('used')} ${Math.round((used / Math.max(1, budget)) * 100)}%`}
        </text>
        {rows.map((r, i) => {
          const y = 40 + i * (barH + 8);
          return (
            <g key={r.allianceId}>
              <rect
                x={0}
                y={y}
                width={(Math.max(r.funded ? r.award : r.requested, 0) / max) * W * 0.8}
                height={barH}
                fill={r.funded ? '#1f5fbf' : '#ffffff'}
                stroke={r.funded ? '#1f5fbf' : '#595959'}
                strokeDasharray={r.funded ? undefined : '4 3'}
              />
              <text x={W * 0.8 + 8} y={y + 16} fontSize={13} fill="#262626">
                {`${r.name.slice(0, 12)} ${r.funded ? s('funded') : s('notFunded')}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'b', label: s('budget'), children: yuan(budget) },
            { key: 'u', label: s('used'), children: yuan(used) },
            { key: 'l', label: s('left'), children: yuan(left) },
            { key: 'f', label: s('fundedCount'), children: rows.length - unfunded.length },
            { key: 'n', label: s('unfundedCount'), children: `${unfunded.length}（${yuan(unfundedSum)}）` },
          ]}
        />
      </figcaption>
    </figure>
  );
}

type Adjust = { action: 'include' | 'exclude'; reason: string };

export function RankingTab({
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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ranked = stage !== undefined && rankedStages.includes(stage);
  const ranking = useQuery(rankingQuery(roundId, ranked));
  const names = useScreening(roundId, ranked);
  const [adjust, setAdjust] = useState<Record<string, Adjust | undefined>>({});
  const approve = useMutation({
    mutationFn: async (note: string) =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/selection/approve', {
          params: { path: { roundId } },
          body: {
            adjustments: Object.entries(adjust).flatMap(([allianceId, a]) =>
              a ? [{ allianceId, action: a.action, reason: a.reason.trim() }] : [],
            ),
            ...(note ? { note } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(s('approvedDone'));
      setAdjust({});
      void queryClient.invalidateQueries({ queryKey: ['ranking', roundId] });
      void queryClient.invalidateQueries({ queryKey: ['pipeline', roundId] });
    },
  });
  if (!ranked) return <p>{s('noRanking')}</p>;
  const page = ranking.data;
  const nameOf = (id: string) => names.data?.items.find((i) => i.allianceId === id)?.name ?? id;
  const proposing = page?.status === 'proposed' && stage === 'selection' && waiting;
  const rows = (page?.items ?? []).map((item) => {
    const row = (item.approved ?? item.proposed) as unknown as Row;
    return {
      ...row,
      key: item.allianceId,
      rank: item.rank,
      name: nameOf(item.allianceId),
      scores: item.ranking as Ranked,
    };
  });
  const summary = page?.approved?.result ?? page?.result;
  const missingReason = Object.values(adjust).some((a) => a && !a.reason.trim());
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h2 style={{ fontSize: 16, margin: 0 }}>
        {s('ranking')}{' '}
        {page ? (
          <StatusTag tone={page.status === 'approved' ? 'ok' : 'warn'}>
            {page.status === 'approved' ? s('approved') : s('proposed')}
          </StatusTag>
        ) : null}
      </h2>
      <ErrorAlert error={ranking.error ?? names.error} />
      {summary ? (
        <BudgetChart
          budget={summary.budget}
          used={summary.totalAwarded}
          rows={rows.map((r) => ({
            allianceId: r.allianceId,
            name: r.name,
            funded: r.funded,
            award: r.award,
            requested: r.requested,
          }))}
        />
      ) : null}
      <Scroll label={s('ranking')}>
        <Table
          size="small"
          style={{ minWidth: 960 }}
          rowKey="key"
          pagination={false}
          loading={ranking.isLoading}
          dataSource={rows}
          caption={s('ranking')}
          columns={[
            { title: s('rank'), dataIndex: 'rank' },
            { title: s('alliance'), dataIndex: 'name' },
            { title: s('rawMean'), key: 'raw', render: (_, r) => score(r.scores.rawMean) },
            { title: s('calibratedMean'), key: 'cal', render: (_, r) => score(r.scores.calibratedMean) },
            { title: s('bonusPoints'), key: 'bonus', render: (_, r) => score(r.scores.bonus) },
            { title: s('finalScore'), key: 'final', render: (_, r) => score(r.scores.finalScore) },
            { title: s('requested'), dataIndex: 'requested', render: (n: number) => yuan(n) },
            {
              title: s('funded'),
              dataIndex: 'funded',
              render: (f: boolean) => (
                <StatusTag tone={f ? 'ok' : undefined}>{f ? s('funded') : s('notFunded')}</StatusTag>
              ),
            },
            { title: s('award'), key: 'award', render: (_, r) => (r.funded ? yuan(r.award) : '—') },
            {
              title: s('selectionReason'),
              key: 'reason',
              render: (_, r) => (
                <span data-testid="selection-reason" style={{ display: 'inline-block', minWidth: 220 }}>
                  {text(r.reason)}
                  {r.adjustment ? `（${s('adjust')}：${r.adjustment.reason}）` : ''}
                </span>
              ),
            },
            ...(proposing
              ? [
                  {
                    title: s('adjust'),
                    key: 'adjust',
                    render: (_: unknown, r: (typeof rows)[number]) => (
                      <Space orientation="vertical" style={{ minWidth: 180 }}>
                        <Select
                          aria-label={`${s('adjust')}: ${r.name}`}
                          value={adjust[r.allianceId]?.action ?? 'none'}
                          onChange={(v: string) =>
                            setAdjust((a) => ({
                              ...a,
                              [r.allianceId]:
                                v === 'none'
                                  ? undefined
                                  : { action: v as Adjust['action'], reason: a[r.allianceId]?.reason ?? '' },
                            }))
                          }
                          options={[
                            { value: 'none', label: s('noAdjustment') },
                            r.funded
                              ? { value: 'exclude', label: s('exclude') }
                              : { value: 'include', label: s('include') },
                          ]}
                        />
                        {adjust[r.allianceId] ? (
                          <Input
                            aria-label={`${s('adjustReason')}: ${r.name}`}
                            placeholder={s('adjustReason')}
                            value={adjust[r.allianceId]?.reason}
                            onChange={(e) =>
                              setAdjust((a) => ({
                                ...a,
                                [r.allianceId]: { action: a[r.allianceId]!.action, reason: e.target.value },
                              }))
                            }
                          />
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Scroll>
      {page?.approved ? (
        <p>
          {s('approvedBy')}：{page.approved.by} · {new Date(page.approved.at).toLocaleString()}
          {page.approved.note ? ` · ${page.approved.note}` : ''}
        </p>
      ) : null}
      {proposing ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={s('adjustmentsNote')} />
          <div>
            <ReasonAction
              label={s('approve')}
              title={s('approve')}
              question={s('approveConfirm')}
              reasonLabel={s('note')}
              reasonRequired={false}
              disabled={missingReason}
              onConfirm={(note) => approve.mutateAsync(note)}
              pending={approve.isPending}
              error={approve.error}
              primary
              extra={
                Object.values(adjust).some(Boolean) ? (
                  <ul style={{ margin: 0 }}>
                    {Object.entries(adjust).map(([id, a]) =>
                      a ? (
                        <li
                          key={id}
                        >{`${nameOf(id)}：${a.action === 'include' ? s('include') : s('exclude')}（${a.reason}）`}</li>
                      ) : null,
                    )}
                  </ul>
                ) : undefined
              }
            />
          </div>
        </Space>
      ) : null}
    </Space>
  );
}
