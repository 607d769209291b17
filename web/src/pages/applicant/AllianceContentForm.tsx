/**
 * The application's content (§2.1, §1.3): goals, tasks, guarantee measures, period, rights sharing,
 * the expert team, the work plan, indicators, budget lines, service types and sectors. Blank fields
 * are left out (a draft may be incomplete; rule A2 says what is missing).
 */
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client.ts';
import { useStrings, useT } from '../../i18n.ts';
import { ServiceTypeChecks, useSectors } from '../PairingCommon.tsx';
import { applicantStrings } from './strings.ts';

export type Content = Omit<Schemas['AllianceUpdate'], 'version'>;

/** Drops blank strings, empty rows and empty lists, so a partial draft still validates. */
export function cleanContent(values: Record<string, unknown>): Content {
  const blank = (v: unknown): boolean =>
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0);
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v))
      return v.map(clean).filter((x) => !blank(x) && !(isObj(x) && Object.keys(x).length === 0));
    if (isObj(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const c = clean(x);
        if (!blank(c)) out[k] = c;
      }
      return out;
    }
    return typeof v === 'string' ? v.trim() : v;
  };
  const out = clean(values) as Record<string, unknown>;
  const period = out['period'] as { start?: string; end?: string } | undefined;
  if (period && (!period.start || !period.end)) delete out['period'];
  return out as Content;
}
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px', minWidth: 0 }}>
      <legend style={{ fontSize: 14, fontWeight: 600 }}>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One repeated row: fields (label + index) and a remove button. */
function Rows({
  name,
  legend,
  addLabel,
  columns,
}: {
  name: string;
  legend: string;
  addLabel: string;
  columns: {
    field: string;
    label: string;
    span: number;
    number?: boolean;
    date?: boolean;
    required?: boolean;
  }[];
}) {
  const s = useStrings(applicantStrings);
  return (
    <Group legend={legend}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key} align="bottom">
                {columns.map((c) => (
                  <Col xs={24} md={c.span} key={c.field}>
                    <Form.Item
                      name={[f.name, c.field]}
                      label={`${c.label} ${i + 1}`}
                      rules={c.required ? [{ required: true }] : undefined}
                    >
                      {c.number ? (
                        <InputNumber min={0} style={{ width: '100%' }} />
                      ) : c.date ? (
                        <Input type="date" />
                      ) : (
                        <Input />
                      )}
                    </Form.Item>
                  </Col>
                ))}
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button onClick={() => remove(f.name)} aria-label={`${s('remove')} ${legend} ${i + 1}`}>
                      {s('remove')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button onClick={() => add()}>{addLabel}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </Group>
  );
}

export function AllianceContentForm({
  initial,
  formKey,
  societies,
  saving,
  disabled,
  onSave,
}: {
  initial: Content;
  formKey: string | number;
  societies: { id: string; name: string }[];
  saving: boolean;
  disabled: boolean;
  onSave: (content: Content) => void;
}) {
  const t = useT();
  const s = useStrings(applicantStrings);
  const sectors = useSectors();
  return (
    <Form
      layout="vertical"
      key={formKey}
      initialValues={initial}
      disabled={disabled}
      onFinish={(values) => onSave(cleanContent(values as Record<string, unknown>))}
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
      <Rows
        name="tasks"
        legend={s('tasks')}
        addLabel={s('addTask')}
        columns={[
          { field: 'title', label: s('taskTitle'), span: 8, required: true },
          { field: 'description', label: s('taskDescription'), span: 13 },
        ]}
      />
      <Form.Item name="guaranteeMeasures" label={s('guaranteeMeasures')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item name={['period', 'start']} label={s('periodStart')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['period', 'end']} label={s('periodEnd')}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="rightsSharing" label={s('rightsSharing')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Group legend={s('expertTeam')}>
        <Form.List name="expertTeam">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={`${s('expertName')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'title']}
                      label={`${s('expertTitle')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[f.name, 'field']}
                      label={`${s('expertField')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[f.name, 'organisationId']}
                      label={`${s('expertSociety')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Select
                        aria-label={`${s('expertSociety')} ${i + 1}`}
                        options={societies.map((o) => ({ value: o.id, label: o.name }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={3}>
                    <Form.Item>
                      <Button
                        onClick={() => remove(f.name)}
                        aria-label={`${s('remove')} ${s('expertTeam')} ${i + 1}`}
                      >
                        {s('remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button onClick={() => add({ organisationId: societies[0]?.id })}>{s('addExpert')}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
      </Group>
      <Rows
        name="workPlan"
        legend={s('workPlan')}
        addLabel={s('addMilestone')}
        columns={[
          { field: 'milestone', label: s('milestone'), span: 10, required: true },
          { field: 'due', label: s('dueDate'), span: 5, date: true, required: true },
          { field: 'deliverable', label: t('result'), span: 6 },
        ]}
      />
      <Rows
        name="indicators"
        legend={s('indicators')}
        addLabel={s('addIndicator')}
        columns={[
          { field: 'id', label: s('indicatorId'), span: 4, required: true },
          { field: 'name', label: s('indicatorName'), span: 9, required: true },
          { field: 'target', label: s('target'), span: 4, number: true, required: true },
          { field: 'unit', label: s('unit'), span: 4 },
        ]}
      />
      <Rows
        name="budgetLines"
        legend={s('budgetLines')}
        addLabel={s('addLine')}
        columns={[
          { field: 'id', label: s('lineId'), span: 3, required: true },
          { field: 'category', label: s('category'), span: 5, required: true },
          { field: 'amount', label: s('amount'), span: 4, number: true, required: true },
          { field: 'enterpriseFunds', label: s('enterpriseFunds'), span: 4, number: true, required: true },
          { field: 'programmeFunds', label: s('programmeFunds'), span: 5, number: true, required: true },
        ]}
      />
      <Form.Item name="serviceTypes" label={t('serviceTypes')}>
        <ServiceTypeChecks />
      </Form.Item>
      <Form.Item name="sectors" label={s('sectors')}>
        {disabled ? (
          <SectorNames names={sectors.name} />
        ) : (
          <Select mode="multiple" aria-label={s('sectors')} options={sectors.options} />
        )}
      </Form.Item>
      {disabled ? null : (
        <Button htmlType="submit" type="primary" loading={saving}>
          {t('save')}
        </Button>
      )}
    </Form>
  );
}

/** The chosen sectors as text (a submitted application: a disabled select's tags lack contrast). */
function SectorNames({ id, value, names }: { id?: string; value?: string[]; names: (id: string) => string }) {
  return <output id={id}>{(value ?? []).map(names).join('、') || '—'}</output>;
}
