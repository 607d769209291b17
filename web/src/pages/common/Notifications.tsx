/**
 * Every signed-in person's notifications (newest first, mark read) and their notification
 * preferences: e-mail, mobile, the messages' language and the optional topics they receive.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, List, Select, Space, Tag } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useStrings, useT, useText } from '../../i18n.ts';
import { applicantStrings, tones } from '../applicant/strings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Topic = Schemas['Notification']['topic'];

const topics: Record<Topic, { zh: string; en: string }> = {
  'report-reminder': { zh: '报告提醒', en: 'Report reminder' },
  'report-overdue': { zh: '报告逾期', en: 'Report overdue' },
  'report-escalated': { zh: '逾期报告上报', en: 'Overdue report escalated' },
  'report-submitted': { zh: '报告已提交', en: 'Report submitted' },
  'report-accepted': { zh: '报告已通过', en: 'Report accepted' },
  'report-returned': { zh: '报告被退回', en: 'Report returned' },
  'round-stuck': { zh: '批次流程停滞', en: 'Round waiting' },
  'round-held-by-objections': { zh: '批次因异议暂停', en: 'Round held by objections' },
  'alliance-invitation': { zh: '联盟邀请', en: 'Alliance invitation' },
  'alliance-member-confirmed': { zh: '成员已确认', en: 'Member confirmed' },
  'alliance-member-declined': { zh: '成员已婉拒', en: 'Member declined' },
  'screening-result': { zh: '资格审查结果', en: 'Screening result' },
  'reviewer-assigned': { zh: '评审任务分配', en: 'Review assigned' },
  'review-reminder': { zh: '评审提醒', en: 'Review reminder' },
  'selection-result': { zh: '遴选结果', en: 'Selection result' },
  'notice-published': { zh: '公示发布', en: 'Notice published' },
  'objection-received': { zh: '收到异议', en: 'Objection received' },
  'objection-resolved': { zh: '异议已处理', en: 'Objection resolved' },
  designation: { zh: '立项通知', en: 'Designation' },
  'inspection-planned': { zh: '检查安排', en: 'Inspection planned' },
  'inspection-follow-up': { zh: '检查整改', en: 'Inspection follow-up' },
  'interest-received': { zh: '收到合作意向', en: 'Interest received' },
  'interest-accepted': { zh: '合作意向被接受', en: 'Interest accepted' },
  'interest-declined': { zh: '合作意向被婉拒', en: 'Interest declined' },
};

type PrefsForm = { email?: string; phone?: string; lang: 'zh' | 'en'; receive: Topic[] };

export function Notifications() {
  const s = useStrings(applicantStrings);
  const topic = useStrings(topics);
  const t = useT();
  const text = useText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: async () => unwrap(await api.GET('/v1/notifications', { params: { query: { limit: 50 } } })),
  });
  const markRead = useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/v1/notifications/{notificationId}/read', {
          params: { path: { notificationId: id } },
        }),
      ),
    // The answer is the notification as read: shown at once (a list read straight after may lag).
    onSuccess: (read) =>
      queryClient.setQueryData<typeof list.data>(['notifications'], (old) =>
        old ? { ...old, items: old.items.map((n) => (n.id === read.id ? { ...n, ...read } : n)) } : old,
      ),
  });
  const prefs = useQuery({
    queryKey: ['preferences'],
    queryFn: async () => unwrap(await api.GET('/v1/me/preferences')),
  });
  const save = useMutation({
    mutationFn: async (v: PrefsForm) => {
      const optional = prefs.data?.optionalTopics ?? [];
      return unwrap(
        await api.PUT('/v1/me/preferences', {
          body: {
            lang: v.lang,
            ...(v.email?.trim() ? { email: v.email.trim() } : {}),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            optOut: optional.filter((x) => !v.receive.includes(x)),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(t('saved'));
      void queryClient.invalidateQueries({ queryKey: ['preferences'] });
    },
  });
  const p = prefs.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{s('notifications')}</h1>
      <ErrorAlert error={list.error ?? markRead.error} />
      <List<Schemas['Notification']>
        bordered
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: s('noNotifications') }}
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="read"
                      size="small"
                      onClick={() => markRead.mutate(n.id)}
                      aria-label={`${s('markRead')}: ${topic(n.topic)} ${n.createdAt.slice(0, 16).replace('T', ' ')}`}
                    >
                      {s('markRead')}
                    </Button>,
                  ]
            }
          >
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <span>
                <strong>{topic(n.topic)}</strong>{' '}
                <Tag style={n.readAt ? undefined : tones.blue}>{n.readAt ? s('read') : s('unread')}</Tag>
              </span>
              <span style={{ wordBreak: 'break-word' }}>{text(n.message)}</span>
              <span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>
                {new Date(n.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
              </span>
            </Space>
          </List.Item>
        )}
      />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('preferences')}</h2>}>
        <ErrorAlert error={prefs.error ?? save.error} />
        {p ? (
          <Form<PrefsForm>
            layout="vertical"
            key={p.updatedAt ?? 'default'}
            initialValues={{
              email: p.email,
              phone: p.phone,
              lang: p.lang,
              receive: p.optionalTopics.filter((x) => !p.optOut.includes(x)),
            }}
            onFinish={(v) => save.mutate(v)}
          >
            {p.address ? (
              <p>
                {s('currentAddress')}: {p.address}
              </p>
            ) : null}
            <Form.Item name="email" label={s('email')} rules={[{ type: 'email' }]}>
              <Input type="email" autoComplete="email" />
            </Form.Item>
            <Form.Item name="phone" label={s('phone')} rules={[{ pattern: /^\+[1-9]\d{6,14}$/ }]}>
              <Input type="tel" autoComplete="tel" />
            </Form.Item>
            <Form.Item name="lang" label={s('messageLanguage')}>
              <Select
                aria-label={s('messageLanguage')}
                options={[
                  { value: 'zh', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Form.Item>
            <Form.Item name="receive" label={s('optionalTopics')}>
              <TopicChecks
                options={p.optionalTopics.map((x) => ({ value: x, label: topic(x) }))}
                label={s('optionalTopics')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </Space>
  );
}

/** A labelled checkbox group for a Form.Item (only value, onChange and id are taken). */
function TopicChecks({
  id,
  value,
  onChange,
  options,
  label,
}: {
  id?: string;
  value?: Topic[];
  onChange?: (v: Topic[]) => void;
  options: { value: Topic; label: string }[];
  label: string;
}) {
  return (
    <fieldset id={id} aria-label={label} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <Checkbox.Group options={options} value={value ?? []} onChange={(v) => onChange?.(v as Topic[])} />
    </fieldset>
  );
}
