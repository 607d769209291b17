/**
 * The applicant's organisation profile, an enterprise or a society: create or edit, with the E1–E6
 * or S1–S4 rules checked live as fields are filled — by the same rule code the API runs
 * (shared/domain/eligibility).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
} from 'antd';
import { useMemo, useState } from 'react';
import { enterpriseRules, societyRules } from '../../../shared/domain/eligibility/member-rules.ts';
import type { Enterprise, Society } from '../../../shared/domain/model/organisation.ts';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { currentToken } from '../auth/session.ts';
import { useT } from '../i18n.ts';
import { SocietyFields, type SocietyInput, societyBlank } from './applicant/SocietyFields.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { type RuleRow, RuleTable } from './RuleTable.tsx';

type EnterpriseInput = Extract<Schemas['OrganisationInput'], { kind: 'enterprise' }>;

const blank: EnterpriseInput = {
  kind: 'enterprise',
  name: '',
  uscc: '',
  legalPerson: false,
  techSme: false,
  mainBusiness: { description: '', techIntensive: false },
  employees: 1,
  rdStaff: 0,
  finances: { year: new Date().getFullYear() - 1, operatingRevenue: 0, rdExpenditure: 0 },
  workplace: { provided: false },
  stAssociation: 'none',
  contact: { name: '', phone: '' },
};

type Outcome = Pick<RuleRow, 'passed' | 'values' | 'message'>;
type AnyRule = { id: string; clause: string; title: RuleRow['message']; check: unknown };

/** The live check: every rule of the kind on the form's current values. */
function liveRules(rules: readonly AnyRule[], profile: Enterprise | Society): RuleRow[] {
  return rules.map((r) => {
    try {
      const check = r.check as (o: unknown, ctx: { organisationId: string; now: Date }) => Outcome;
      const outcome = check(profile, { organisationId: 'draft', now: new Date() });
      return { id: r.id, clause: r.clause, ...outcome };
    } catch {
      return { id: r.id, clause: r.clause, passed: false, values: {}, message: r.title };
    }
  });
}

export function OrganisationPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EnterpriseInput>();
  const [societyForm] = Form.useForm<SocietyInput>();
  const [chosenKind, setChosenKind] = useState<'enterprise' | 'society'>('enterprise');
  const me = useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/v1/me')) });
  const orgId = me.data?.organisation?.id;
  const org = useQuery({
    queryKey: ['organisation', orgId],
    // (not after a sign-out that happened while /v1/me was on its way: that would be a 401)
    enabled: !!orgId && !!currentToken(),
    queryFn: async () =>
      unwrap(await api.GET('/v1/organisations/{orgId}', { params: { path: { orgId: orgId! } } })),
  });
  const save = useMutation({
    mutationFn: async (values: EnterpriseInput | SocietyInput) => {
      const body: Schemas['OrganisationInput'] =
        values.kind === 'society'
          ? { ...societyBlank(), ...values, kind: 'society' as const }
          : { ...blank, ...values, kind: 'enterprise' as const };
      if (org.data) {
        return unwrap(
          await api.PUT('/v1/organisations/{orgId}', {
            params: { path: { orgId: org.data.id } },
            body: { ...body, version: org.data.version } as Schemas['OrganisationUpdate'],
          }),
        );
      }
      return unwrap(await api.POST('/v1/organisations', { body }));
    },
    onSuccess: () => {
      void message.success(t('saved'));
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void queryClient.invalidateQueries({ queryKey: ['organisation'] });
    },
  });
  const kind = org.data?.kind ?? chosenKind;
  const watched = Form.useWatch([], form) as EnterpriseInput | undefined;
  const watchedSociety = Form.useWatch([], societyForm) as SocietyInput | undefined;
  const rules = useMemo(
    () =>
      kind === 'society'
        ? liveRules(societyRules, { ...societyBlank(), ...watchedSociety } as unknown as Society)
        : liveRules(enterpriseRules, { ...blank, ...watched } as unknown as Enterprise),
    [kind, watched, watchedSociety],
  );

  if (me.isLoading || (orgId && org.isLoading)) return <Skeleton active />;
  const initial = org.data?.kind === 'enterprise' ? (org.data as unknown as EnterpriseInput) : blank;
  const kindPicker = org.data ? null : (
    <Form.Item label={t('kind')}>
      <Radio.Group
        value={chosenKind}
        onChange={(e) => setChosenKind(e.target.value as 'enterprise' | 'society')}
        options={[
          { value: 'enterprise', label: t('enterprise') },
          { value: 'society', label: t('society') },
        ]}
      />
    </Form.Item>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('organisation')}</h1>}>
          <ErrorAlert error={me.error ?? org.error ?? save.error} />
          {kindPicker}
          {kind === 'society' ? (
            <SocietyFields
              form={societyForm}
              initial={org.data?.kind === 'society' ? (org.data as unknown as SocietyInput) : undefined}
              formKey={org.data?.version ?? 'new'}
              saving={save.isPending}
              exists={!!org.data}
              onSave={(values) => save.mutate(values)}
            />
          ) : (
            <Form<EnterpriseInput>
              form={form}
              layout="vertical"
              initialValues={initial}
              key={org.data?.version ?? 'new'}
              onFinish={(values) => save.mutate({ ...values, kind: 'enterprise' })}
            >
              <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="uscc" label={t('uscc')} rules={[{ required: true, len: 18 }]}>
                <Input maxLength={18} />
              </Form.Item>
              <Form.Item name="legalPerson" valuePropName="checked">
                <Checkbox>{t('legalPerson')}</Checkbox>
              </Form.Item>
              <Form.Item name="techSme" valuePropName="checked">
                <Checkbox>{t('techSme')}</Checkbox>
              </Form.Item>
              <Form.Item
                name={['mainBusiness', 'description']}
                label={t('mainBusiness')}
                rules={[{ required: true }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name={['mainBusiness', 'techIntensive']} valuePropName="checked">
                <Checkbox>{t('techIntensive')}</Checkbox>
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="employees" label={t('employees')}>
                    <InputNumber min={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="rdStaff" label={t('rdStaff')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={['finances', 'year']} label={t('finYear')}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name={['finances', 'operatingRevenue']} label={t('revenue')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={['finances', 'rdExpenditure']} label={t('rdExpenditure')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={['workplace', 'provided']} valuePropName="checked">
                <Checkbox>{t('workplace')}</Checkbox>
              </Form.Item>
              <Form.Item name="stAssociation" label={t('stAssociation')}>
                <Select
                  options={[
                    { value: 'established', label: t('established') },
                    { value: 'in-preparation', label: t('inPreparation') },
                    { value: 'none', label: t('none') },
                  ]}
                />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name={['contact', 'name']} label={t('contactName')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name={['contact', 'phone']}
                    label={t('contactPhone')}
                    rules={[{ required: true }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {org.data ? t('save') : t('create')}
              </Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <RuleTable rows={rules} caption={t('rulesLive')} />
      </Col>
    </Row>
  );
}
