/**
 * 递补: when an upheld objection dropped an alliance, the freed money and the next ranked alliances
 * it could fund (GET …/supplement); the office fills or declines, with a reason, confirmed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { textIn, useLang, useS, yuan } from './common.tsx';

type Addition = Schemas['SupplementProposal']['additions'][number];

export function Supplement({ roundId, name }: { roundId: string; name: (id: string) => string }) {
  const s = useS();
  const lang = useLang();
  const client = useQueryClient();
  const [deciding, setDeciding] = useState<'fill' | 'decline' | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const preview = useQuery({
    queryKey: ['supplement', roundId],
    retry: false,
    queryFn: async () =>
      unwrap(await api.GET('/v1/rounds/{roundId}/supplement', { params: { path: { roundId } } })),
  });
  const decide = useMutation({
    mutationFn: async (body: { decision: 'fill' | 'decline'; reason: string }) =>
      unwrap(await api.POST('/v1/rounds/{roundId}/supplement', { params: { path: { roundId } }, body })),
    onSuccess: () => {
      setDeciding(null);
      void client.invalidateQueries({ queryKey: ['supplement', roundId] });
      void client.invalidateQueries({ queryKey: ['notice', roundId] });
    },
  });
  const p = preview.data;
  // Shown only when an upheld objection freed money (or a decision was made on it).
  if (!p || (p.freed <= 0 && !p.awaitingDecision && p.decisions.length === 0)) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('supplement')}</h2>} style={{ marginTop: 16 }}>
      <p>{s('supplementIntro')}</p>
      <p>{textIn(p.summary, lang)}</p>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'freed', label: s('freed'), children: yuan(p.freed) },
          { key: 'available', label: s('available'), children: yuan(p.available) },
        ]}
      />
      <h3 style={{ fontSize: 15 }}>{s('additions')}</h3>
      <Scroll label={s('additions')}>
        <Table<Addition>
          rowKey="allianceId"
          size="small"
          pagination={false}
          dataSource={p.additions}
          locale={{ emptyText: <Empty description={s('noAdditions')} /> }}
          columns={[
            { title: s('rank'), key: 'rank', dataIndex: 'rank' },
            { title: s('alliance'), key: 'alliance', render: (_, a) => name(a.allianceId) },
            { title: s('requested'), key: 'requested', render: (_, a) => yuan(a.requested) },
            { title: s('award'), key: 'award', render: (_, a) => yuan(a.award) },
          ]}
        />
      </Scroll>
      {decide.isSuccess ? <Alert type="success" showIcon role="status" title={s('supplementDone')} /> : null}
      {p.awaitingDecision ? (
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" disabled={p.additions.length === 0} onClick={() => setDeciding('fill')}>
            {s('fill')}
          </Button>
          <Button onClick={() => setDeciding('decline')}>{s('decline')}</Button>
        </Space>
      ) : null}
      {p.decisions.length ? (
        <>
          <h3 style={{ fontSize: 15, marginTop: 16 }}>{s('earlierDecisions')}</h3>
          <ul>
            {p.decisions.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: decisions are append-only
              <li key={i}>
                {String(d.decision ?? '') === 'fill' ? s('fill') : s('decline')}：{String(d.reason ?? '')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {deciding ? (
        <Modal
          open
          title={s(deciding)}
          okText={s('confirm')}
          cancelText={s('cancel')}
          onCancel={() => setDeciding(null)}
          onOk={() => form.submit()}
          okButtonProps={{ loading: decide.isPending }}
          destroyOnHidden
        >
          <p>{s(deciding === 'fill' ? 'confirmFill' : 'confirmDecline')}</p>
          <ErrorAlert error={decide.error} />
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => decide.mutate({ decision: deciding, reason: v.reason })}
          >
            <Form.Item
              name="reason"
              label={s('reason')}
              rules={[{ required: true, whitespace: true, message: s('reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Card>
  );
}
