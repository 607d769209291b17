/** The applicant's alliances (own drafts and invitations to confirm or decline) and a new draft. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { useWord } from './applicant/strings.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Scroll } from './Scroll.tsx';

export function AllianceList() {
  const t = useT();
  const word = useWord();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const alliances = useQuery({
    queryKey: ['alliances'],
    queryFn: async () => unwrap(await api.GET('/v1/alliances')).items,
  });
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: async () => unwrap(await api.GET('/v1/rounds')).items,
  });
  const me = useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/v1/me')) });
  const create = useMutation({
    mutationFn: async (values: { name: string; roundId: string; goals?: string }) =>
      unwrap(await api.POST('/v1/alliances', { body: { ...values, goals: values.goals || undefined } })),
    onSuccess: (alliance) => {
      void queryClient.invalidateQueries({ queryKey: ['alliances'] });
      navigate(`/alliances/${alliance.id}`);
    },
  });
  const respond = useMutation({
    mutationFn: async ({ id, answer }: { id: string; answer: 'confirm' | 'decline' }) => {
      const orgId = me.data?.organisation?.id ?? '';
      const params = { path: { allianceId: id, orgId } };
      return unwrap(
        answer === 'confirm'
          ? await api.POST('/v1/alliances/{allianceId}/members/{orgId}/confirm', { params })
          : await api.POST('/v1/alliances/{allianceId}/members/{orgId}/decline', { params }),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alliances'] }),
  });
  const openRounds = (rounds.data ?? []).filter((r) => r.status === 'open');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{t('alliances')}</h1>
      <ErrorAlert error={alliances.error ?? rounds.error ?? create.error ?? respond.error} />
      <Scroll label={t('alliances')}>
        <Table<Schemas['AllianceSummary']>
          rowKey="id"
          size="small"
          loading={alliances.isLoading}
          dataSource={alliances.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('name'),
              dataIndex: 'name',
              render: (name: string, a) => <Link to={`/alliances/${a.id}`}>{name}</Link>,
            },
            { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag>{word(s)}</Tag> },
            {
              title: t('members'),
              dataIndex: 'membership',
              render: (m: string | undefined, a) =>
                m === 'invited' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      aria-label={`${t('accept')}: ${a.name}`}
                      onClick={() => respond.mutate({ id: a.id, answer: 'confirm' })}
                    >
                      ✓ {t('accept')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      aria-label={`${t('decline')}: ${a.name}`}
                      onClick={() => respond.mutate({ id: a.id, answer: 'decline' })}
                    >
                      ✗ {t('decline')}
                    </Button>
                  </Space>
                ) : (
                  word(m)
                ),
            },
          ]}
        />
      </Scroll>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('newAlliance')}</h2>}>
        <Form layout="vertical" onFinish={(values) => create.mutate(values)}>
          <Form.Item name="roundId" label={t('round')} rules={[{ required: true }]}>
            <Select
              loading={rounds.isLoading}
              options={openRounds.map((r) => ({ value: r.id, label: r.name }))}
              aria-label={t('round')}
            />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="goals" label={t('goals')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('create')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
