/**
 * Create or edit a round: budget, cap, window and deadlines, review criteria with maxima, reviewers
 * per alliance, notice period, priorities. Checked in the browser with the API's own schema
 * (shared/api/rounds.ts) before it is sent; the API's errors are shown on their fields as well.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useContext, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type * as z from 'zod';
import { RoundInputSchema } from '../../../../shared/api/rounds.ts';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { type Lang, LangContext } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useRound, useS } from './common.tsx';

type Values = {
  name: string;
  year: number;
  budget: number;
  perAllianceCap: number;
  enterpriseContributionMinPercent: number;
  applicationWindow: { opensAt: string; closesAt: string };
  reviewDeadline: string;
  reviewersPerAlliance: number;
  noticePeriodDays: number;
  selectionPolicy: 'rank-order' | 'max-merit';
  rubric: { id: string; name: string; weight: number; max: number }[];
  prioritySectors: { id: string; name: string; bonus: number }[];
  bonuses: { multipleEnterprisesAndSocieties: number; crossSector: number };
};

const pad = (n: number) => String(n).padStart(2, '0');
/** An ISO instant as the value of a datetime-local input (local time, minutes). */
export function toLocal(iso: string) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const toIso = (local: string | undefined) => {
  const d = new Date(local ?? '');
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
};

function defaults(): Values {
  const day = 86_400_000;
  const now = Date.now();
  return {
    name: '',
    year: new Date().getFullYear(),
    budget: 2_000_000,
    perAllianceCap: 300_000,
    enterpriseContributionMinPercent: 50,
    applicationWindow: {
      opensAt: toLocal(new Date(now).toISOString()),
      closesAt: toLocal(new Date(now + 30 * day).toISOString()),
    },
    reviewDeadline: toLocal(new Date(now + 60 * day).toISOString()),
    reviewersPerAlliance: 3,
    noticePeriodDays: 7,
    selectionPolicy: 'rank-order',
    rubric: [
      { id: 'innovation', name: '创新性', weight: 40, max: 10 },
      { id: 'feasibility', name: '可行性', weight: 35, max: 10 },
      { id: 'impact', name: '预期成效', weight: 25, max: 10 },
    ],
    prioritySectors: [{ id: 'optoelectronics', name: '光电子', bonus: 2 }],
    bonuses: { multipleEnterprisesAndSocieties: 0, crossSector: 0 },
  };
}

function fromRound(r: Schemas['Round']): Values {
  return {
    name: r.name,
    year: r.year,
    budget: r.budget,
    perAllianceCap: r.perAllianceCap,
    enterpriseContributionMinPercent: r.enterpriseContributionMinPercent,
    applicationWindow: {
      opensAt: toLocal(r.applicationWindow.opensAt),
      closesAt: toLocal(r.applicationWindow.closesAt),
    },
    reviewDeadline: toLocal(r.reviewDeadline),
    reviewersPerAlliance: r.reviewersPerAlliance,
    noticePeriodDays: r.noticePeriodDays,
    selectionPolicy: r.selectionPolicy,
    rubric: r.rubric.map((c) => ({ id: c.id, name: c.name, weight: c.weight, max: c.max })),
    prioritySectors: r.prioritySectors.map((p) => ({ id: p.id, name: p.name, bonus: p.bonus })),
    bonuses: { ...r.bonuses },
  };
}

function toBody(v: Values) {
  return {
    ...v,
    name: v.name ?? '',
    applicationWindow: {
      opensAt: toIso(v.applicationWindow?.opensAt),
      closesAt: toIso(v.applicationWindow?.closesAt),
    },
    reviewDeadline: toIso(v.reviewDeadline),
    rubric: v.rubric ?? [],
    prioritySectors: v.prioritySectors ?? [],
  };
}

const customZh: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must be after opensAt/, () => '须晚于申报开始时间'],
  [/^must be after the application window closes/, () => '须晚于申报截止时间'],
  [/^cannot exceed the budget/, () => '不能超过年度预算'],
  [/^weights must sum to 100 \(they sum to (.*)\)/, (m) => `各指标权重之和须为 100（当前为 ${m[1]}）`],
  [/^lower-case id/, () => '须为小写字母开头的代码，如 innovation'],
  [/duplicate/i, () => '代码重复'],
];

/** A zod issue in the console's language (the API's own words are English in the schema). */
function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  const i = issue as z.core.$ZodIssue & {
    minimum?: unknown;
    maximum?: unknown;
    origin?: string;
    input?: unknown;
  };
  switch (issue.code) {
    case 'invalid_type':
      return '必填';
    case 'too_small':
      return i.origin === 'string'
        ? '必填'
        : i.origin === 'array'
          ? `至少 ${String(i.minimum)} 项`
          : `不能小于 ${String(i.minimum)}`;
    case 'too_big':
      return i.origin === 'string' ? `不超过 ${String(i.maximum)} 个字` : `不能大于 ${String(i.maximum)}`;
    case 'invalid_format':
      return i.origin === 'string' && i.input === '' ? '必填' : '格式不正确';
    case 'not_multiple_of':
      return '小数位过多';
    default:
      for (const [re, zh] of customZh) {
        const m = issue.message.match(re);
        if (m) return zh(m);
      }
      return issue.message;
  }
}

export function RoundForm() {
  const s = useS();
  const { lang } = useContext(LangContext);
  const { id } = useParams();
  const editing = Boolean(id);
  const round = useRound(id ?? '');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [issues, setIssues] = useState<string[]>([]);
  // (antd types names as the form's own paths; the API's and zod's paths are plain arrays)
  const setErrors = (fields: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(fields as never);
  useEffect(() => {
    if (round.data) form.setFieldsValue(fromRound(round.data));
  }, [round.data, form]);

  const save = useMutation({
    mutationFn: async (body: ReturnType<typeof toBody>) => {
      if (id) {
        return unwrap(
          await api.PUT('/v1/rounds/{roundId}', {
            params: { path: { roundId: id } },
            body: { ...body, version: round.data?.version ?? 0 },
          }),
        );
      }
      return unwrap(await api.POST('/v1/rounds', { body }));
    },
    onSuccess: (saved) => {
      void message.success(s('saved'));
      void queryClient.invalidateQueries({ queryKey: ['rounds'] });
      queryClient.setQueryData(['round', saved.id], saved);
      void navigate(`/rounds/${saved.id}`);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fields = error.details.flatMap((d) => {
        const { path, message: m } = d as { path?: unknown; message?: string };
        return Array.isArray(path) && path.length
          ? [{ name: path as (string | number)[], errors: [m ?? ''] }]
          : [];
      });
      setErrors(fields);
    },
  });

  const label = (path: PropertyKey[]) => {
    const [head, index, leaf] = path;
    const known: Record<string, string> = {
      name: s('roundName'),
      year: s('year'),
      budget: s('budget'),
      perAllianceCap: s('perAllianceCap'),
      reviewDeadline: s('reviewDeadline'),
      rubric: s('rubric'),
      prioritySectors: s('prioritySectors'),
      applicationWindow: s('window'),
    };
    const base = known[String(head)] ?? String(head);
    if (head === 'applicationWindow')
      return leaf === undefined && index === 'opensAt' ? s('opensAt') : s('closesAt');
    return typeof index === 'number' ? `${base} ${index + 1}` : base;
  };

  const onFinish = () => {
    const values = form.getFieldsValue(true) as Values;
    const body = toBody(values);
    const parsed = RoundInputSchema.safeParse(body);
    setErrors(
      form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => ({ name: f.name, errors: [] })),
    );
    if (!parsed.success) {
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const issue of parsed.error.issues) {
        const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
        const key = name.join('.');
        const entry = byField.get(key) ?? { name, errors: [] };
        entry.errors.push(issueText(issue, lang));
        byField.set(key, entry);
      }
      setErrors([...byField.values()]);
      setIssues(parsed.error.issues.map((i) => `${label(i.path)}：${issueText(i, lang)}`));
      return;
    }
    setIssues([]);
    save.mutate(body);
  };

  const num = { style: { width: '100%' } };
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 960 }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>
        {editing ? `${s('editRound')}：${round.data?.name ?? ''}` : s('newRound')}
      </h1>
      <ErrorAlert error={round.error} />
      <ErrorAlert error={save.error} />
      {issues.length ? (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={s('fixErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={editing ? undefined : defaults()}
        onFinish={onFinish}
        onValuesChange={() => issues.length && setIssues([])}
      >
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('roundSettings')}</h2>} size="small">
          <Form.Item name="name" label={s('roundName')}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap size="middle" style={{ width: '100%' }} align="start">
            <Form.Item name="year" label={s('year')}>
              <InputNumber min={2000} max={2100} {...num} />
            </Form.Item>
            <Form.Item name="budget" label={s('budget')}>
              <InputNumber min={0} step={10000} {...num} />
            </Form.Item>
            <Form.Item name="perAllianceCap" label={s('perAllianceCap')}>
              <InputNumber min={0} step={10000} {...num} />
            </Form.Item>
            <Form.Item name="enterpriseContributionMinPercent" label={s('contributionMin')}>
              <InputNumber min={0} max={100} {...num} />
            </Form.Item>
          </Space>
          <Space wrap size="middle" style={{ width: '100%' }} align="start">
            <Form.Item name={['applicationWindow', 'opensAt']} label={s('opensAt')}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name={['applicationWindow', 'closesAt']} label={s('closesAt')}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="reviewDeadline" label={s('reviewDeadline')}>
              <Input type="datetime-local" />
            </Form.Item>
          </Space>
          <Space wrap size="middle" style={{ width: '100%' }} align="start">
            <Form.Item name="reviewersPerAlliance" label={s('reviewersPerAlliance')}>
              <InputNumber min={1} max={15} {...num} />
            </Form.Item>
            <Form.Item name="noticePeriodDays" label={s('noticePeriodDays')}>
              <InputNumber min={1} max={60} {...num} />
            </Form.Item>
            <Form.Item name="selectionPolicy" label={s('selectionPolicy')}>
              <Select
                style={{ minWidth: 200 }}
                options={[
                  { value: 'rank-order', label: s('policyRankOrder') },
                  { value: 'max-merit', label: s('policyMaxMerit') },
                ]}
              />
            </Form.Item>
          </Space>
        </Card>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('rubric')}</h2>}
          size="small"
          style={{ marginTop: 12 }}
        >
          <Form.List name="rubric">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} wrap align="start" size="small" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'id']} label={`${s('criterionId')} ${i + 1}`}>
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} label={`${s('criterionName')} ${i + 1}`}>
                      <Input style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} label={`${s('weight')} ${i + 1}`}>
                      <InputNumber min={0} max={100} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'max']} label={`${s('max')} ${i + 1}`}>
                      <InputNumber min={1} max={100} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button
                        onClick={() => remove(f.name)}
                        aria-label={`${s('remove')} ${s('criterionName')} ${i + 1}`}
                      >
                        {s('remove')}
                      </Button>
                    </Form.Item>
                  </Space>
                ))}
                <div>
                  <Button onClick={() => add({ id: '', name: '', weight: 0, max: 10 })}>
                    {s('addCriterion')}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
        </Card>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('prioritySectors')}</h2>}
          size="small"
          style={{ marginTop: 12 }}
        >
          <Form.List name="prioritySectors">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} wrap align="start" size="small" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'id']} label={`${s('sectorId')} ${i + 1}`}>
                      <Input style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} label={`${s('sectorName')} ${i + 1}`}>
                      <Input style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'bonus']} label={`${s('bonus')} ${i + 1}`}>
                      <InputNumber min={0} max={20} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button
                        onClick={() => remove(f.name)}
                        aria-label={`${s('remove')} ${s('sectorName')} ${i + 1}`}
                      >
                        {s('remove')}
                      </Button>
                    </Form.Item>
                  </Space>
                ))}
                <div>
                  <Button onClick={() => add({ id: '', name: '', bonus: 1 })}>{s('addSector')}</Button>
                </div>
              </>
            )}
          </Form.List>
          <Space wrap size="middle" style={{ marginTop: 12, width: '100%' }} align="start">
            <Form.Item name={['bonuses', 'multipleEnterprisesAndSocieties']} label={s('bonusMulti')}>
              <InputNumber min={0} max={20} />
            </Form.Item>
            <Form.Item name={['bonuses', 'crossSector']} label={s('bonusCross')}>
              <InputNumber min={0} max={20} />
            </Form.Item>
          </Space>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
          {editing ? s('save') : s('create')}
        </Button>
      </Form>
    </Space>
  );
}
