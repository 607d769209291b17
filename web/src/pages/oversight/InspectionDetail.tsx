/** One inspection: what was drawn and why, and (the assigned inspector) recording the findings and rating. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { currentClaims } from '../../auth/session.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useDate, useS } from './common.tsx';
import { InspectionStatusTag } from './Inspections.tsx';

type Findings = Schemas['FindingsInput'];
const ratings = ['excellent', 'good', 'fair', 'poor'] as const;

export function InspectionDetail() {
  const { inspectionId = '' } = useParams();
  const s = useS();
  const date = useDate();
  const client = useQueryClient();
  const claims = currentClaims();
  const inspection = useQuery({
    queryKey: ['inspection', inspectionId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/inspections/{inspectionId}', { params: { path: { inspectionId } } })),
  });
  const record = useMutation({
    mutationFn: async (body: Findings) =>
      unwrap(
        await api.POST('/v1/inspections/{inspectionId}/findings', {
          params: { path: { inspectionId } },
          body,
        }),
      ),
    onSuccess: (i) => {
      client.setQueryData(['inspection', inspectionId], i);
      void client.invalidateQueries({ queryKey: ['inspections'] });
    },
  });
  const i = inspection.data;
  const canRecord =
    i && (claims?.['cognito:groups'] ?? []).includes('inspector') && i.inspectorId === claims?.sub;
  return (
    <>
      <p style={{ marginBottom: 4 }}>
        <Link to="/inspections">{s('backToInspections')}</Link>
      </p>
      <h1 style={{ fontSize: 18 }}>
        {s('inspection')}
        {i ? `：${i.allianceName ?? i.allianceId}` : ''}
      </h1>
      <ErrorAlert error={inspection.error} />
      {i ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'status', label: s('status'), children: <InspectionStatusTag status={i.status} /> },
            { key: 'alliance', label: s('alliance'), children: i.allianceName ?? i.allianceId },
            { key: 'inspector', label: s('inspector'), children: i.inspectorId ?? s('unassigned') },
            { key: 'reason', label: s('assignmentReason'), children: i.assignmentReason },
            { key: 'weight', label: s('weight'), children: i.weight.toFixed(2) },
            { key: 'drawnAt', label: s('drawnAt'), children: date(i.drawnAt) },
            ...(i.completedAt
              ? [{ key: 'completedAt', label: s('completedAt'), children: date(i.completedAt) }]
              : []),
            ...(i.rating ? [{ key: 'rating', label: s('rating'), children: s(`rating-${i.rating}`) }] : []),
            ...(i.findings
              ? [
                  {
                    key: 'findings',
                    label: s('findings'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.findings}</span>,
                  },
                ]
              : []),
            ...(i.followUpActions?.length
              ? [
                  {
                    key: 'followUps',
                    label: s('followUps'),
                    children: (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {i.followUpActions.map((a) => (
                          <li key={`${a.action}/${a.due ?? ''}`}>
                            {a.action}
                            {a.due ? `（${s('due')} ${a.due}）` : ''}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      {record.isSuccess ? (
        <Alert type="success" showIcon role="status" title={s('saved')} style={{ marginTop: 12 }} />
      ) : null}
      {i && canRecord ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('recordFindings')}</h2>}
          style={{ marginTop: 16 }}
        >
          <ErrorAlert error={record.error} />
          <FindingsForm initial={i} saving={record.isPending} onSubmit={(v) => record.mutate(v)} />
        </Card>
      ) : i && !canRecord && i.status !== 'completed' ? (
        <p style={{ marginTop: 12 }}>{s('notYours')}</p>
      ) : null}
    </>
  );
}

interface FormValues {
  findings: string;
  rating: Findings['rating'];
  followUpActions?: { action: string; due?: { format: (f: string) => string } | null }[];
}

function FindingsForm({
  initial,
  saving,
  onSubmit,
}: {
  initial: Schemas['Inspection'];
  saving: boolean;
  onSubmit: (v: Findings) => void;
}) {
  const s = useS();
  return (
    <Form<FormValues>
      layout="vertical"
      initialValues={{ findings: initial.findings, rating: initial.rating, followUpActions: [] }}
      onFinish={(v) =>
        onSubmit({
          findings: v.findings,
          rating: v.rating,
          followUpActions: (v.followUpActions ?? [])
            .filter((a) => a?.action?.trim())
            .map((a) => ({ action: a.action, ...(a.due ? { due: a.due.format('YYYY-MM-DD') } : {}) })),
        })
      }
    >
      <Form.Item
        name="findings"
        label={s('findings')}
        rules={[{ required: true, whitespace: true, message: s('findingsRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="rating" label={s('rating')} rules={[{ required: true, message: s('ratingRequired') }]}>
        <Select
          options={ratings.map((r) => ({ value: r, label: s(`rating-${r}`) }))}
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      <Form.List name="followUpActions">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, fontWeight: 600 }}>{s('followUps')}</legend>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, 'action']} label={`${s('followUpAction')} ${index + 1}`}>
                  <Input maxLength={1000} style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'due']} label={s('due')}>
                  <DatePicker />
                </Form.Item>
                <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                  {s('remove')}
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button onClick={() => add()}>{s('addFollowUp')}</Button>
            </Form.Item>
          </fieldset>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={saving}>
        {s('save')}
      </Button>
    </Form>
  );
}
