/** The round's audit history: who, when, what and why. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { useContext } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { LangContext } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { useS, useStageLabel } from './common.tsx';

const actions: Record<string, { zh: string; en: string }> = {
  'round.created': { zh: '创建批次', en: 'Round created' },
  'round.updated': { zh: '修改批次', en: 'Round updated' },
  'round.close-requested': { zh: '截止申报', en: 'Close requested' },
  'round.close-scheduled': { zh: '安排截止', en: 'Close scheduled' },
  'round.close-rescheduled': { zh: '调整截止', en: 'Close rescheduled' },
  'round.applications-closed': { zh: '申报已截止', en: 'Applications closed' },
  'reviewer.registered': { zh: '登记评审专家', en: 'Reviewer registered' },
  'review.conflict-declared': { zh: '声明回避', en: 'Conflict declared' },
  'pipeline.reviewers-assigned': { zh: '分配评审专家', en: 'Reviewers assigned' },
  'pipeline.selection-proposed': { zh: '生成遴选方案', en: 'Selection proposed' },
  'selection.approved': { zh: '批准遴选结果', en: 'Selection approved' },
  'pipeline.selection-applied': { zh: '遴选结果生效', en: 'Selection applied' },
  'pipeline.notice-published': { zh: '发布公示', en: 'Notice published' },
  'pipeline.retried': { zh: '重试流程', en: 'Pipeline retried' },
  'pipeline.failed': { zh: '流程失败', en: 'Pipeline failed' },
  'alliance.pass': { zh: '资格审查通过', en: 'Screening: passed' },
  'alliance.reject': { zh: '资格审查不通过', en: 'Screening: rejected' },
  'alliance.dropped': { zh: '撤销入选', en: 'Dropped' },
  'alliance.supplemented': { zh: '递补入选', en: 'Supplemented' },
};

function who(actor: Record<string, unknown>, lang: 'zh' | 'en') {
  if (actor.kind === 'system')
    return `${lang === 'zh' ? '系统' : 'System'}（${String(actor.component ?? '')}）`;
  return String(actor.username ?? actor.sub ?? '—');
}

export function HistoryTab({ roundId }: { roundId: string }) {
  const s = useS();
  const stage = useStageLabel();
  const { lang } = useContext(LangContext);
  const history = useInfiniteQuery({
    queryKey: ['round-history', roundId],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/v1/rounds/{roundId}/history', {
          params: { path: { roundId }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h2 style={{ fontSize: 16, margin: 0 }}>{s('history')}</h2>
      <ErrorAlert error={history.error} />
      <Scroll label={s('history')}>
        <Table<Schemas['AuditEntry']>
          size="small"
          style={{ minWidth: 560 }}
          rowKey="id"
          pagination={false}
          loading={history.isLoading}
          dataSource={items}
          caption={s('history')}
          columns={[
            { title: s('when'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
            { title: s('who'), dataIndex: 'actor', render: (a: Record<string, unknown>) => who(a, lang) },
            {
              title: s('action'),
              dataIndex: 'action',
              render: (a: string, e) => {
                const word = actions[a]?.[lang] ?? a;
                const st = typeof e.data?.stage === 'string' ? `（${stage(e.data.stage)}）` : '';
                return `${word}${st}`;
              },
            },
            { title: s('why'), dataIndex: 'reason', render: (r?: string) => r ?? '—' },
          ]}
        />
      </Scroll>
      {history.hasNextPage ? (
        <div>
          <Button loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {lang === 'zh' ? '加载更多' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </Space>
  );
}
