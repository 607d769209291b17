/**
 * After the award (§4.3, §4.4): the award and its budget lines, the dedicated account (balances per
 * line, entries, an expense recorded with a verified receipt, the CSV export), the implementation
 * plan (view and edit with a reason, versioned) and the reports (list, submit with a report PDF).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { currentToken } from '../../auth/session.ts';
import { useStrings, useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';
import { applicantStrings, useWord } from './strings.ts';

const yuan = (n: number | undefined) => (n ?? 0).toLocaleString('zh-CN');
const H2 = ({ children }: { children: string }) => <h2 style={{ fontSize: 16, margin: 0 }}>{children}</h2>;

function todayInChina() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function Implementation() {
  const s = useStrings(applicantStrings);
  const t = useT();
  const allianceId = useParams().id!;
  const path = { path: { allianceId } };
  const alliance = useQuery({
    queryKey: ['alliance', allianceId],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}', { params: path })),
  });
  const award = useQuery({
    queryKey: ['alliance', allianceId, 'award'],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}/award', { params: path })),
  });
  const notYet = award.error instanceof ApiError && award.error.status === 404;
  const a = award.data as
    | {
        amount?: number;
        designatedAt?: string;
        lines?: { lineId: string; category: string; allocation: number }[];
      }
    | undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>
        {s('implementation')}: {alliance.data?.name ?? t('loading')}
      </h1>
      <Link to={`/alliances/${allianceId}`}>{t('back')}</Link>
      {notYet ? <Alert type="info" title={s('notDesignated')} /> : <ErrorAlert error={award.error} />}
      {a ? (
        <>
          <Card title={<H2>{s('award')}</H2>}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={s('awardAmount')}>{yuan(a.amount)}</Descriptions.Item>
              <Descriptions.Item label={s('designatedAt')}>
                {a.designatedAt?.slice(0, 10) ?? ''}
              </Descriptions.Item>
            </Descriptions>
            <ul style={{ paddingInlineStart: 18, marginTop: 8 }}>
              {(a.lines ?? []).map((l) => (
                <li key={l.lineId}>
                  {l.category}（{l.lineId}）：{yuan(l.allocation)}
                </li>
              ))}
            </ul>
          </Card>
          <LedgerCard allianceId={allianceId} />
          <PlanCard allianceId={allianceId} />
          <ReportsCard allianceId={allianceId} />
        </>
      ) : null}
    </Space>
  );
}

function LedgerCard({ allianceId }: { allianceId: string }) {
  const s = useStrings(applicantStrings);
  const t = useT();
  const word = useWord();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = { path: { allianceId } };
  const ledger = useQuery({
    queryKey: ['alliance', allianceId, 'ledger'],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}/ledger', { params: path })),
  });
  const [receipt, setReceipt] = useState<string>();
  const [receiptKey, setReceiptKey] = useState(0);
  const [form] = Form.useForm<{ lineId: string; amount: number; date: string; description: string }>();
  const record = useMutation({
    mutationFn: async (values: { lineId: string; amount: number; date: string; description: string }) =>
      unwrap(
        await api.POST('/v1/alliances/{allianceId}/ledger/expenses', {
          params: path,
          body: { ...values, receiptDocumentId: receipt! },
        }),
      ),
    onSuccess: () => {
      void message.success(s('recordExpense'));
      setReceipt(undefined);
      setReceiptKey((k) => k + 1);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'ledger'] });
    },
  });
  const [csvError, setCsvError] = useState<unknown>();
  const exportCsv = async () => {
    setCsvError(undefined);
    try {
      const res = await fetch(`/v1/alliances/${encodeURIComponent(allianceId)}/ledger.csv`, {
        headers: { authorization: `Bearer ${currentToken() ?? ''}` },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `ledger-${allianceId}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setCsvError(e);
    }
  };
  const l = ledger.data;
  type Line = Schemas['LedgerLine'];
  return (
    <Card
      title={<H2>{s('ledger')}</H2>}
      extra={<Button onClick={() => void exportCsv()}>{s('exportCsv')}</Button>}
    >
      <ErrorAlert error={ledger.error ?? csvError} />
      {l ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            {t('status')}: <Tag>{word(l.status)}</Tag>
          </span>
          <Scroll label={s('budgetLines')}>
            <Table<Line>
              size="small"
              rowKey="lineId"
              pagination={false}
              dataSource={l.lines}
              columns={[
                { title: s('category'), dataIndex: 'category' },
                { title: s('allocation'), dataIndex: 'allocation', render: yuan, align: 'right' },
                { title: s('spent'), dataIndex: 'spent', render: yuan, align: 'right' },
                {
                  title: s('remaining'),
                  dataIndex: 'remaining',
                  align: 'right',
                  render: (v: number, r) => <span data-line={r.lineId}>{yuan(v)}</span>,
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{s('total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {yuan(l.totals.allocation)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {yuan(l.totals.spent)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <span data-testid="ledger-remaining">{yuan(l.totals.remaining)}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Scroll>
          <h3 style={{ fontSize: 14, margin: '8px 0 0' }}>{s('recordExpense')}</h3>
          <ErrorAlert error={record.error} />
          <DocumentUpload
            key={receiptKey}
            allianceId={allianceId}
            kind="receipt"
            label={s('receipt')}
            showList={false}
            onJudged={(d) => setReceipt(d.status === 'verified' ? d.id : undefined)}
          />
          {receipt ? <Alert type="success" title={s('receiptVerified')} /> : null}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ date: todayInChina() }}
            onFinish={(values) => record.mutate(values)}
          >
            <Row gutter={8}>
              <Col xs={24} md={8}>
                <Form.Item name="lineId" label={s('category')} rules={[{ required: true }]}>
                  <Select
                    aria-label={s('category')}
                    options={l.lines.map((x) => ({ value: x.lineId, label: x.category }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="amount" label={s('amount')} rules={[{ required: true }]}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="date" label={s('expenseDate')} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="description" label={s('expenseDescription')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!receipt} loading={record.isPending}>
              {s('recordExpense')}
            </Button>
          </Form>
          <h3 style={{ fontSize: 14, margin: '8px 0 0' }}>{s('entries')}</h3>
          <Scroll label={s('entries')}>
            <Table<Schemas['LedgerEntry']>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={l.entries}
              columns={[
                { title: s('expenseDate'), dataIndex: 'date' },
                { title: s('category'), dataIndex: 'category' },
                { title: s('amount'), dataIndex: 'amount', render: yuan, align: 'right' },
                { title: s('expenseDescription'), dataIndex: 'description' },
                { title: s('entryKind'), dataIndex: 'kind', render: (k: string) => word(k) },
              ]}
            />
          </Scroll>
        </Space>
      ) : null}
    </Card>
  );
}

type PlanForm = {
  milestones: Schemas['Plan']['milestones'];
  indicators: Schemas['Plan']['indicators'];
  reason: string;
};

function PlanCard({ allianceId }: { allianceId: string }) {
  const s = useStrings(applicantStrings);
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = { path: { allianceId } };
  const plan = useQuery({
    queryKey: ['alliance', allianceId, 'plan'],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}/plan', { params: path })),
  });
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: async (values: PlanForm) =>
      unwrap(
        await api.PUT('/v1/alliances/{allianceId}/plan', {
          params: path,
          body: { ...values, version: plan.data!.version },
        }),
      ),
    onSuccess: () => {
      void message.success(t('saved'));
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'plan'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void plan.refetch();
    },
  });
  const p = plan.data;
  const statusWord: Record<string, { zh: string; en: string }> = {
    planned: { zh: '计划中', en: 'Planned' },
    done: { zh: '已完成', en: 'Done' },
    delayed: { zh: '已延期', en: 'Delayed' },
    dropped: { zh: '已取消', en: 'Dropped' },
  };
  const st = useStrings(statusWord);
  return (
    <Card
      title={<H2>{s('plan')}</H2>}
      extra={p && !editing ? <Button onClick={() => setEditing(true)}>{s('edit')}</Button> : null}
    >
      <ErrorAlert error={plan.error ?? save.error} />
      {p && !editing ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            {s('version')} {p.version}
          </span>
          <strong>{s('milestones')}</strong>
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {p.milestones.map((m) => (
              <li key={m.id}>
                {m.due} · {m.title} <Tag>{st(m.status)}</Tag>
              </li>
            ))}
          </ul>
          <strong>{s('indicators')}</strong>
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {p.indicators.map((x) => (
              <li key={x.id}>
                {x.name}：{x.target} {x.unit ?? ''}
              </li>
            ))}
          </ul>
        </Space>
      ) : null}
      {p && editing ? (
        <Form<PlanForm>
          layout="vertical"
          initialValues={{ milestones: p.milestones, indicators: p.indicators, reason: '' }}
          onFinish={(values) => save.mutate(values)}
        >
          <Form.List name="milestones">
            {(fields) =>
              fields.map((f, i) => (
                <Row gutter={8} key={f.key}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[f.name, 'title']}
                      label={`${s('milestone')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item
                      name={[f.name, 'due']}
                      label={`${s('dueDate')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name={[f.name, 'status']} label={`${t('status')} ${i + 1}`}>
                      <Select
                        aria-label={`${t('status')} ${i + 1}`}
                        options={Object.keys(statusWord).map((k) => ({ value: k, label: st(k) }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))
            }
          </Form.List>
          <Form.List name="indicators">
            {(fields) =>
              fields.map((f, i) => (
                <Row gutter={8} key={f.key}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Col xs={16} md={12}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={`${s('indicatorName')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={6}>
                    <Form.Item
                      name={[f.name, 'target']}
                      label={`${s('target')} ${i + 1}`}
                      rules={[{ required: true }]}
                    >
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              ))
            }
          </Form.List>
          <Form.Item name="reason" label={s('planReason')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {s('savePlan')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('back')}</Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}

function ReportsCard({ allianceId }: { allianceId: string }) {
  const s = useStrings(applicantStrings);
  const t = useT();
  const word = useWord();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = { path: { allianceId } };
  const reports = useQuery({
    queryKey: ['alliance', allianceId, 'reports'],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}/reports', { params: path })).items,
  });
  // Progress is reported against the alliance's indicators (定期考核指标).
  const alliance = useQuery({
    queryKey: ['alliance', allianceId],
    queryFn: async () => unwrap(await api.GET('/v1/alliances/{allianceId}', { params: path })),
  });
  const indicators = alliance.data?.indicators ?? [];
  const [open, setOpen] = useState<string>();
  const [documentId, setDocumentId] = useState<string>();
  const submit = useMutation({
    mutationFn: async (v: {
      reportId: string;
      version?: number;
      summary: string;
      actual: Record<string, number>;
    }) =>
      unwrap(
        await api.PUT('/v1/alliances/{allianceId}/reports/{reportId}', {
          params: { path: { allianceId, reportId: v.reportId } },
          body: {
            documentId: documentId!,
            summary: v.summary,
            progress: indicators.map((x) => ({
              indicatorId: x.id,
              actual: v.actual[x.id] ?? 0,
            })),
            ...(v.version ? { version: v.version } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(s('submitReport'));
      setOpen(undefined);
      setDocumentId(undefined);
      void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'reports'] });
    },
  });
  const current = (reports.data ?? []).find((r) => r.id === open);
  return (
    <Card title={<H2>{s('reports')}</H2>}>
      <ErrorAlert error={reports.error ?? submit.error} />
      <Scroll label={s('reports')}>
        <Table<Schemas['Report']>
          size="small"
          rowKey="id"
          pagination={false}
          loading={reports.isLoading}
          dataSource={reports.data ?? []}
          columns={[
            { title: s('reportKind'), dataIndex: 'kind', render: (k: string) => word(k) },
            { title: s('dueDate'), dataIndex: 'due' },
            { title: t('status'), dataIndex: 'status', render: (x: string) => <Tag>{word(x)}</Tag> },
            {
              title: s('reviewComments'),
              key: 'review',
              render: (_, r) => r.review?.comments ?? '',
            },
            {
              title: s('submitReport'),
              key: 'act',
              render: (_, r) =>
                ['due', 'overdue', 'returned'].includes(r.status) ? (
                  <Button
                    size="small"
                    onClick={() => setOpen(r.id)}
                    aria-label={`${s('submitReport')}: ${word(r.kind)} ${r.due}`}
                  >
                    {s('submitReport')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Scroll>
      {current ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <h3 style={{ fontSize: 14, margin: 0 }}>
            {word(current.kind)} {current.due}
          </h3>
          <DocumentUpload
            allianceId={allianceId}
            kind="report"
            label={s('reportFile')}
            showList={false}
            onJudged={(d) => setDocumentId(d.status === 'verified' ? d.id : undefined)}
          />
          <Form
            layout="vertical"
            onFinish={(v: { summary: string; actual: Record<string, number> }) =>
              submit.mutate({ reportId: current.id, version: current.version, ...v })
            }
          >
            {indicators.map((x) => (
              <Form.Item
                key={x.id}
                name={['actual', x.id]}
                label={`${x.name}（${s('actual')}）`}
                rules={[{ required: true }]}
              >
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            ))}
            <Form.Item name="summary" label={s('reportSummary')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!documentId} loading={submit.isPending}>
              {s('submitReport')}
            </Button>
          </Form>
        </Space>
      ) : null}
    </Card>
  );
}
