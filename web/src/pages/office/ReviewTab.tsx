/** Expert review: the round's committee, registering a reviewer, progress per reviewer, closing the reviews. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Table } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { rankedStages, rankingQuery, useS } from './common.tsx';
import { ReasonAction } from './ReasonDialog.tsx';

interface Assignment {
  allianceId: string;
  reviewerId: string;
  status: 'assigned' | 'replaced';
  replacedReason?: string;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Reviews received per reviewer, from the ranking (computed once the reviews are in). */
function useSubmittedByReviewer(roundId: string, enabled: boolean) {
  return useQuery({
    ...rankingQuery(roundId, enabled),
    select: (page) => {
      const counts = new Map<string, number>();
      for (const item of page.items) {
        const reviews = (item.ranking as { reviews?: { reviewerId: string }[] }).reviews ?? [];
        for (const r of reviews) counts.set(r.reviewerId, (counts.get(r.reviewerId) ?? 0) + 1);
      }
      return counts;
    },
  });
}

export function ReviewTab({ roundId, stage }: { roundId: string; stage?: string }) {
  const s = useS();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    reviewerId: string;
    name: string;
    title?: string;
    expertise?: string;
    affiliations?: string;
    conflicts?: string;
  }>();
  const reviewers = useQuery({
    queryKey: ['reviewers', roundId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/rounds/{roundId}/reviewers', { params: { path: { roundId } } })).items,
  });
  const assignments = useQuery({
    queryKey: ['assignments', roundId],
    enabled:
      stage !== undefined &&
      stage !== 'starting' &&
      stage !== 'closing-applications' &&
      stage !== 'screening',
    queryFn: async () =>
      (
        unwrap(
          await api.GET('/v1/rounds/{roundId}/assignments', { params: { path: { roundId }, query: {} } }),
        ) as { items?: Assignment[] }
      ).items ?? [],
  });
  const submitted = useSubmittedByReviewer(roundId, stage !== undefined && rankedStages.includes(stage));
  const register = useMutation({
    mutationFn: async (v: Awaited<ReturnType<typeof form.validateFields>>) =>
      unwrap(
        await api.PUT('/v1/rounds/{roundId}/reviewers/{reviewerId}', {
          params: { path: { roundId, reviewerId: v.reviewerId.trim() } },
          body: {
            reviewerId: v.reviewerId.trim(),
            name: v.name.trim(),
            ...(v.title?.trim() ? { title: v.title.trim() } : {}),
            expertise: list(v.expertise),
            affiliations: list(v.affiliations),
            conflicts: list(v.conflicts),
          },
        }),
      ),
    onSuccess: (r) => {
      void message.success(`${s('registered')}: ${r.name}`);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['reviewers', roundId] });
    },
  });
  const close = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/reviews/close', {
          params: { path: { roundId } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      void message.success(s('reviewsClosed'));
      void queryClient.invalidateQueries({ queryKey: ['pipeline', roundId] });
    },
  });
  const progress = (reviewerId: string) => {
    const mine = (assignments.data ?? []).filter((a) => a.reviewerId === reviewerId);
    return {
      assigned: mine.filter((a) => a.status === 'assigned').length,
      conflicts: mine.filter((a) => a.status === 'replaced').length,
    };
  };
  const assignedKnown = Boolean(assignments.data);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h2 style={{ fontSize: 16, margin: 0 }}>{s('reviewers')}</h2>
      <ErrorAlert error={reviewers.error ?? assignments.error} />
      <Scroll label={s('progress')}>
        <Table<Schemas['Reviewer']>
          size="small"
          style={{ minWidth: 640 }}
          rowKey="reviewerId"
          pagination={false}
          loading={reviewers.isLoading}
          dataSource={reviewers.data ?? []}
          caption={s('progress')}
          columns={[
            { title: s('reviewerName'), dataIndex: 'name' },
            { title: s('reviewerId'), dataIndex: 'reviewerId' },
            { title: s('reviewerTitle'), dataIndex: 'title', render: (t?: string) => t ?? '—' },
            { title: s('expertise'), dataIndex: 'expertise', render: (e: string[]) => e.join(', ') || '—' },
            {
              title: s('assigned'),
              key: 'assigned',
              render: (_, r) => (assignedKnown ? progress(r.reviewerId).assigned : '—'),
            },
            {
              title: s('submitted'),
              key: 'submitted',
              render: (_, r) => (submitted.data ? (submitted.data.get(r.reviewerId) ?? 0) : '—'),
            },
            {
              title: s('conflicts'),
              key: 'conflicts',
              render: (_, r) => (assignedKnown ? progress(r.reviewerId).conflicts : '—'),
            },
          ]}
        />
      </Scroll>
      {stage === 'review' ? (
        <div>
          <ReasonAction
            label={s('closeReviews')}
            title={s('closeReviews')}
            question={s('closeReviewsConfirm')}
            reasonLabel={s('reason')}
            onConfirm={(reason) => close.mutateAsync(reason)}
            pending={close.isPending}
            error={close.error}
            primary
          />
        </div>
      ) : null}
      <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>{s('registerReviewer')}</h3>}>
        <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)} style={{ maxWidth: 640 }}>
          <Form.Item
            name="reviewerId"
            label={s('reviewerId')}
            rules={[{ required: true, whitespace: true, message: s('required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="name"
            label={s('reviewerName')}
            rules={[{ required: true, whitespace: true, message: s('required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="title" label={s('reviewerTitle')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="expertise" label={s('expertise')}>
            <Input />
          </Form.Item>
          <Form.Item name="affiliations" label={s('affiliations')}>
            <Input />
          </Form.Item>
          <Form.Item name="conflicts" label={s('conflictOrgs')}>
            <Input />
          </Form.Item>
          <ErrorAlert error={register.error} />
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {s('register')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
