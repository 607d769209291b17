/** 能力档案: a society's capability profile (summary, fields, services, experts, past services) and its suggested needs. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Result, Select, Skeleton, Space } from 'antd';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { CapabilityLists } from './CapabilityLists.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { MatchTable, ServiceTypeChecks, useSectors } from './PairingCommon.tsx';

type Values = Omit<Schemas['CapabilityInput'], 'version'>;

export function Capability() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sectors = useSectors();
  const me = useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/v1/me')) });
  const orgId = me.data?.organisation?.kind === 'society' ? me.data.organisation.id : '';
  const params = { path: { orgId } };
  const capability = useQuery({
    queryKey: ['capability', orgId],
    enabled: !!orgId,
    // The list, not GET /v1/capabilities/{orgId}: a society without a profile yet is not a 404 in the console.
    queryFn: async () =>
      unwrap(await api.GET('/v1/capabilities')).items.find((c) => c.organisationId === orgId) ?? null,
  });
  const matches = useQuery({
    queryKey: ['capability', orgId, 'matches'],
    enabled: !!capability.data,
    queryFn: async () => unwrap(await api.GET('/v1/capabilities/{orgId}/matches', { params })).items,
  });
  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(await api.PUT('/v1/capabilities', { body: { ...v, version: capability.data?.version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['capability', orgId], saved);
      void queryClient.invalidateQueries({ queryKey: ['capability', orgId, 'matches'] });
      void message.success(t('saved'));
    },
  });
  if (me.isLoading || capability.isLoading) return <Skeleton active />;
  if (me.data && !orgId) return <Result status="info" title={t('onlySocieties')} />;
  const c = capability.data;
  const initial: Values = {
    summary: c?.summary ?? '',
    fields: c?.fields ?? [],
    serviceTypes: c?.serviceTypes ?? [],
    experts: c?.experts ?? [],
    pastServices: (c?.pastServices ?? []).map(({ title, year, result }) => ({ title, year, result })),
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{t('capability')}</h1>
      <ErrorAlert error={me.error ?? capability.error ?? save.error ?? matches.error} />
      <Card>
        <Form<Values>
          key={c?.version ?? 0}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) =>
            save.mutate({ ...v, experts: v.experts ?? [], pastServices: v.pastServices ?? [] })
          }
        >
          <Form.Item name="summary" label={t('summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="fields" label={t('fields')}>
            <Select mode="multiple" aria-label={t('fields')} options={sectors.options} />
          </Form.Item>
          <Form.Item name="serviceTypes" label={t('serviceTypes')} rules={[{ required: true }]}>
            <ServiceTypeChecks />
          </Form.Item>
          <CapabilityLists />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('save')}
          </Button>
        </Form>
      </Card>
      {c ? (
        <>
          <h2 style={{ fontSize: 16, margin: 0 }}>{t('suggestedNeeds')}</h2>
          <MatchTable
            label={t('suggestedNeeds')}
            matches={matches.data ?? []}
            loading={matches.isLoading}
            nameOf={(m) => m.name}
          />
        </>
      ) : null}
    </Space>
  );
}
