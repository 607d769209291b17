/** A society's profile form (§3.2): S1 type, S2 service records, S3 annual plan, S4 experts. */
import { Button, Checkbox, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Schemas } from '../../api/client.ts';
import { useStrings, useT } from '../../i18n.ts';
import { applicantStrings } from './strings.ts';

export type SocietyInput = Extract<Schemas['OrganisationInput'], { kind: 'society' }>;

export function societyBlank(): SocietyInput {
  const year = new Date().getFullYear();
  return {
    kind: 'society',
    name: '',
    uscc: '',
    societyType: 'city-affiliated',
    serviceRecords: [],
    annualPlan: { year, includesTask: false },
    experts: [],
    contact: { name: '', phone: '' },
  };
}

const recordKinds = ['academic-exchange', 'training', 'consulting', 'technical-service', 'other'] as const;

export function SocietyFields({
  form,
  initial,
  formKey,
  saving,
  exists,
  onSave,
}: {
  form: FormInstance<SocietyInput>;
  initial: SocietyInput | undefined;
  formKey: string | number;
  saving: boolean;
  exists: boolean;
  onSave: (values: SocietyInput) => void;
}) {
  const t = useT();
  const s = useStrings(applicantStrings);
  const societyType = Form.useWatch('societyType', form);
  return (
    <Form<SocietyInput>
      form={form}
      layout="vertical"
      key={formKey}
      initialValues={initial ?? societyBlank()}
      onFinish={(values) => {
        const staff = values.annualPlan?.responsibleStaff;
        const annualPlan = {
          ...values.annualPlan,
          responsibleStaff: staff?.name ? staff : undefined,
        };
        onSave({ ...societyBlank(), ...values, annualPlan, kind: 'society' });
      }}
    >
      <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="uscc" label={t('uscc')} rules={[{ required: true, len: 18 }]}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="societyType" label={s('societyType')}>
        <Select
          aria-label={s('societyType')}
          options={[
            { value: 'city-affiliated', label: s('cityAffiliated') },
            { value: 'university-in-city', label: s('universityInCity') },
            { value: 'other', label: s('otherSociety') },
          ]}
        />
      </Form.Item>
      {societyType === 'university-in-city' ? (
        <Form.Item name="university" label={s('university')}>
          <Input />
        </Form.Item>
      ) : null}
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600 }}>{s('serviceRecords')}</legend>
        <Form.List name="serviceRecords">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[f.name, 'title']}
                      label={`${s('recordTitle')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[f.name, 'kind']}
                      label={`${s('recordKind')} ${i + 1}`}
                      initialValue="academic-exchange"
                    >
                      <Select
                        aria-label={`${s('recordKind')} ${i + 1}`}
                        options={recordKinds.map((k) => ({ value: k, label: s(k) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'year']}
                      label={`${s('recordYear')} ${i + 1}`}
                      initialValue={new Date().getFullYear() - 1}
                    >
                      <InputNumber min={1950} max={2100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item>
                      <Button
                        onClick={() => remove(f.name)}
                        aria-label={`${s('remove')} ${s('recordTitle')} ${i + 1}`}
                      >
                        {s('remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button onClick={() => add()}>{s('addRecord')}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600 }}>{s('annualPlan')}</legend>
        <Form.Item name={['annualPlan', 'year']} label={s('planYear')}>
          <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['annualPlan', 'includesTask']} valuePropName="checked">
          <Checkbox>{s('includesTask')}</Checkbox>
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name={['annualPlan', 'responsibleStaff', 'name']} label={s('staffName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['annualPlan', 'responsibleStaff', 'phone']}
              label={s('staffPhone')}
              dependencies={[['annualPlan', 'responsibleStaff', 'name']]}
              rules={[
                ({ getFieldValue }) => ({
                  required: !!getFieldValue(['annualPlan', 'responsibleStaff', 'name']),
                }),
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600 }}>{s('expertsS4')}</legend>
        <Form.List name="experts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={`${s('expertName')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[f.name, 'title']}
                      label={`${s('expertTitle')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[f.name, 'field']}
                      label={`${s('expertField')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item>
                      <Button
                        onClick={() => remove(f.name)}
                        aria-label={`${s('remove')} ${s('expertName')} ${i + 1}`}
                      >
                        {s('remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button onClick={() => add()}>{s('addExpert')}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
      </fieldset>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name={['contact', 'name']} label={t('contactName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['contact', 'phone']} label={t('contactPhone')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {exists ? t('save') : t('create')}
        </Button>
      </Space>
    </Form>
  );
}
