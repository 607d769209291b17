/**
 * One alliance: edit the draft's whole content (each PATCH carries its version; a stale one reloads
 * the latest), invite members by USCC, upload the agreement (progress, then its verification), the
 * eligibility dry run rule by rule (clause, values, message; cards on a phone), submit / withdraw,
 * its history, and once designated a link to the award and implementation screens.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../api/client.ts';
import { useStrings, useT } from '../i18n.ts';
import { AllianceContentForm, type Content } from './applicant/AllianceContentForm.tsx';
import { DocumentUpload } from './applicant/DocumentUpload.tsx';
import { RuleResults } from './applicant/RuleCards.tsx';
import { applicantStrings, useWord } from './applicant/strings.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function AllianceEditor() {
  const t = useT();
  const s = useStrings(applicantStrings);
  const word = useWord();
  const { message } = App.useApp();
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
    mutationFn: async (values: Content) =>
      unwrap(
        await api.PATCH('/v1/alliances/{allianceId}', {
          params: path,
          body: { ...values, version: alliance.data!.version },
        }),
      ),
    onSuccess: () => {
      void message.success(t('saved'));
      refresh();
    },
    // Stale (someone saved in between): load the latest version; the message says so.
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) refresh();
    },
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
              <Tag>{word(a.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('round')}>{a.roundId}</Descriptions.Item>
            <Descriptions.Item label={s('version')}>{a.version}</Descriptions.Item>
          </Descriptions>
          {['designated', 'completed', 'terminated'].includes(a.status) ? (
            <Link to={`/alliances/${a.id}/implementation`}>{s('openImplementation')}</Link>
          ) : null}
          {save.error instanceof ApiError && save.error.status === 409 ? (
            <Alert type="warning" title={s('staleVersion')} />
          ) : null}
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('content')}</h2>}>
            <AllianceContentForm
              initial={a as Content}
              formKey={a.version}
              societies={(a.members ?? [])
                .filter((m) => m.kind === 'society')
                .map((m) => ({ id: m.organisationId, name: m.name }))}
              saving={save.isPending}
              disabled={a.status !== 'draft'}
              onSave={(values) => save.mutate(values)}
            />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('members')}</h2>}>
            <ul style={{ paddingInlineStart: 18 }}>
              {(a.members ?? []).map((m) => (
                <li key={m.organisationId}>
                  {m.name} <Tag>{t(m.kind)}</Tag> <Tag>{word(m.state)}</Tag>
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
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('agreement')}</h2>}>
            <DocumentUpload
              allianceId={allianceId}
              kind="agreement"
              label={s('chooseFile')}
              onJudged={() =>
                void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'eligibility'] })
              }
            />
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
                <RuleResults rows={eligibility.data.results} caption={t('dryRun')} />
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
