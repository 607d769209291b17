/**
 * One alliance: edit the draft (each PATCH carries its version), invite members by USCC, the
 * eligibility dry run rule by rule (clause, values, message), submit / withdraw, and its history.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { RuleTable } from './RuleTable.tsx';

export function AllianceEditor() {
  const t = useT();
  const allianceId = useParams().id!;
  const path = { path: { allianceId } };
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId] });
  const alliance = useQuery({
    queryKey: ['alliance', allianceId],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}', { params: path })),
  });
  const history = useQuery({
    queryKey: ['alliance', allianceId, 'history'],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}/history', { params: path })).items,
  });
  const [dryRunAsked, setDryRunAsked] = useState(false);
  const eligibility = useQuery({
    queryKey: ['alliance', allianceId, 'eligibility'],
    enabled: dryRunAsked,
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}/eligibility', { params: path })),
  });
  const save = useMutation({
    mutationFn: async (values: { name: string; summary?: string; goals?: string }) =>
      unwrap(
        await api.PATCH('/v1/alliances/{allianceId}', {
          params: path,
          body: { ...values, version: alliance.data!.version },
        }),
      ),
    onSuccess: refresh,
  });
  const invite = useMutation({
    mutationFn: async ({ uscc }: { uscc: string }) => {
      const org = unwrap(await api.GET('/v1/organisations', { params: { query: { uscc } } }));
      return unwrap(
        await api.POST('/v1/alliances/{allianceId}/members', {
          params: path,
          body: { organisationId: org.id },
        }),
      );
    },
    onSuccess: refresh,
  });
  const submit = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/alliances/{allianceId}/submit', {
          params: path,
          body: { version: alliance.data!.version },
        }),
      ),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/alliances/{allianceId}/withdraw', {
          params: path,
          body: { version: alliance.data!.version, reason: '申请单位撤回 / withdrawn by the applicant' },
        }),
      ),
    onSuccess: refresh,
  });
  const a = alliance.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{a?.name ?? t('loading')}</h1>
      <ErrorAlert error={alliance.error ?? save.error ?? invite.error ?? submit.error ?? withdraw.error} />
      {a ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('status')}>
              <Tag>{a.status}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('round')}>{a.roundId}</Descriptions.Item>
            <Descriptions.Item label="version">{a.version}</Descriptions.Item>
          </Descriptions>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('alliances')}</h2>}>
            <Form
              layout="vertical"
              key={a.version}
              initialValues={{ name: a.name, summary: a.summary, goals: a.goals }}
              onFinish={(values) => save.mutate(values)}
            >
              <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="summary" label={t('summary')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="goals" label={t('goals')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button htmlType="submit" type="primary" loading={save.isPending}>
                {t('save')}
              </Button>
            </Form>
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('members')}</h2>}>
            <ul style={{ paddingInlineStart: 18 }}>
              {(a.members ?? []).map((m) => (
                <li key={m.organisationId}>
                  {m.name} <Tag>{m.kind}</Tag> <Tag>{m.state}</Tag>
                </li>
              ))}
            </ul>
            <Form
              layout="inline"
              onFinish={(values) => invite.mutate(values)}
              style={{ marginTop: 8, rowGap: 8 }}
            >
              <Form.Item name="uscc" label={t('uscc')} rules={[{ required: true, len: 18 }]}>
                <Input maxLength={18} />
              </Form.Item>
              <Button htmlType="submit" loading={invite.isPending}>
                {t('invite')}
              </Button>
            </Form>
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dryRun')}</h2>}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Button
                onClick={() => (dryRunAsked ? void eligibility.refetch() : setDryRunAsked(true))}
                loading={eligibility.isFetching}
              >
                {t('runDryRun')}
              </Button>
              <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
                {t('submit')}
              </Button>
              <Button danger onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
                {t('withdraw')}
              </Button>
            </Space>
            <ErrorAlert error={eligibility.error} />
            {eligibility.data ? (
              <>
                <Alert
                  type={eligibility.data.eligible ? 'success' : 'warning'}
                  title={
                    eligibility.data.eligible
                      ? t('eligible')
                      : `${t('notEligible')}: ${eligibility.data.failing.join(', ')}`
                  }
                  style={{ marginBottom: 12 }}
                />
                <RuleTable rows={eligibility.data.results} caption={t('dryRun')} />
              </>
            ) : null}
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('history')}</h2>}>
            <ol style={{ paddingInlineStart: 18 }}>
              {(history.data ?? []).map((e) => (
                <li key={e.id}>
                  {e.at} · {e.action} · {String(e.actor['username'] ?? e.actor['sub'] ?? '')}
                </li>
              ))}
            </ol>
          </Card>
        </>
      ) : null}
    </Space>
  );
}
