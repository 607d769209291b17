/**
 * A round's objections (programme office): status in words, alliance, grounds, received at; resolve
 * one (uphold or dismiss, with a reason, confirmed); dismiss several as abuse at once; and the 递补
 * preview/decision when an upheld objection freed money.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { tagColours, useAllianceNames, useDate, useF, useS } from './common.tsx';
import { Supplement } from './Supplement.tsx';

type Objection = Schemas['Objection'];

const statusColour = { open: tagColours.orange, upheld: tagColours.red, dismissed: tagColours.grey } as const;

export function Objections() {
  const { id: roundId = '' } = useParams();
  const s = useS();
  const f = useF();
  const date = useDate();
  const name = useAllianceNames(roundId);
  const client = useQueryClient();
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const objections = useQuery({
    queryKey: ['objections', roundId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/rounds/{roundId}/objections', { params: { path: { roundId } } })).items,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['objections', roundId] });
    void client.invalidateQueries({ queryKey: ['supplement', roundId] });
    void client.invalidateQueries({ queryKey: ['notice', roundId] });
  };
  const items = [...(objections.data ?? [])].sort((a, b) => b.filedAt.localeCompare(a.filedAt));

  return (
    <>
      <p style={{ marginBottom: 4 }}>
        <Link to={`/rounds/${encodeURIComponent(roundId)}`}>{s('backToRound')}</Link>
      </p>
      <h1 style={{ fontSize: 18 }}>{s('objections')}</h1>
      <ErrorAlert error={objections.error} />
      {done ? (
        <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} role="status" />
      ) : null}
      <Space style={{ marginBottom: 8 }} wrap>
        <Button danger disabled={selected.length === 0} onClick={() => setBulk(true)}>
          {s('bulkDismiss')}
          {selected.length ? `（${selected.length}）` : ''}
        </Button>
      </Space>
      <Scroll label={s('objections')}>
        <Table<Objection>
          rowKey="id"
          size="small"
          loading={objections.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={s('noObjections')} /> }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (o) => ({
              disabled: o.status !== 'open',
              'aria-label': `${s('objector')} ${o.name}`,
            }),
          }}
          columns={[
            {
              title: s('status'),
              key: 'status',
              render: (_, o) => <Tag style={statusColour[o.status]}>{s(`status-${o.status}`)}</Tag>,
            },
            { title: s('alliance'), key: 'alliance', render: (_, o) => name(o.allianceId) },
            {
              title: s('grounds'),
              key: 'text',
              render: (_, o) => (
                <>
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap', minWidth: 200 }}>
                    {o.text}
                  </Typography.Paragraph>
                  {o.duplicateOf ? <Tag style={tagColours.grey}>{s('duplicateOf')}</Tag> : null}
                  {o.resolution ? (
                    <Typography.Text type="secondary">
                      {s('resolution')}：{o.resolution.spam ? `${s('spam')} · ` : ''}
                      {o.resolution.reason}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: s('objector'),
              key: 'objector',
              render: (_, o) => (
                <>
                  {o.name}
                  <br />
                  <Typography.Text type="secondary">{o.contact}</Typography.Text>
                </>
              ),
            },
            { title: s('receivedAt'), key: 'filedAt', render: (_, o) => date(o.filedAt) },
            {
              title: s('actions'),
              key: 'actions',
              render: (_, o) =>
                o.status === 'open' ? (
                  <Button size="small" type="primary" onClick={() => setResolving(o)}>
                    {s('resolve')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{s('resolved')}</Typography.Text>
                ),
            },
          ]}
        />
      </Scroll>
      {resolving ? (
        <ResolveDialog
          roundId={roundId}
          objection={resolving}
          allianceName={name(resolving.allianceId)}
          onClose={(message) => {
            setResolving(null);
            if (message) {
              setDone(message);
              refresh();
            }
          }}
        />
      ) : null}
      {bulk ? (
        <BulkDialog
          roundId={roundId}
          ids={selected}
          onClose={(dismissed) => {
            setBulk(false);
            if (dismissed !== undefined) {
              setSelected([]);
              setDone(f('bulkDone', { n: dismissed }));
              refresh();
            }
          }}
        />
      ) : null}
      <Supplement roundId={roundId} name={name} />
    </>
  );
}

function ResolveDialog({
  roundId,
  objection,
  allianceName,
  onClose,
}: {
  roundId: string;
  objection: Objection;
  allianceName: string;
  onClose: (message?: string) => void;
}) {
  const s = useS();
  const [form] = Form.useForm<{ outcome: 'upheld' | 'dismissed'; reason: string }>();
  const outcome = Form.useWatch('outcome', form);
  const resolve = useMutation({
    mutationFn: async (body: { outcome: 'upheld' | 'dismissed'; reason: string }) =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/objections/{objectionId}/resolve', {
          params: { path: { roundId, objectionId: objection.id } },
          body,
        }),
      ),
    onSuccess: (o) => onClose(`${s('resolved')}：${s(`status-${o.status}`)}`),
  });
  return (
    <Modal
      open
      title={s('resolveTitle')}
      onCancel={() => onClose()}
      okText={s('confirm')}
      cancelText={s('cancel')}
      okButtonProps={{ danger: outcome === 'upheld', loading: resolve.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>
        <strong>{allianceName}</strong>
      </p>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type="secondary">
        {objection.text}
      </Typography.Paragraph>
      <ErrorAlert error={resolve.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => resolve.mutate(v)}
        initialValues={{ outcome: 'dismissed' }}
      >
        <Form.Item name="outcome" label={s('outcome')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="upheld">{s('uphold')}</Radio>
              <Radio value="dismissed">{s('dismiss')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={s('reason')}
          rules={[{ required: true, whitespace: true, message: s('reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Alert
          type={outcome === 'upheld' ? 'warning' : 'info'}
          title={s(outcome === 'upheld' ? 'confirmUphold' : 'confirmDismiss')}
        />
      </Form>
    </Modal>
  );
}

function BulkDialog({
  roundId,
  ids,
  onClose,
}: {
  roundId: string;
  ids: string[];
  onClose: (dismissed?: number) => void;
}) {
  const s = useS();
  const f = useF();
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/rounds/{roundId}/objections/dismissals', {
          params: { path: { roundId } },
          body: { reason, objectionIds: ids },
        }),
      ),
    onSuccess: (r) => onClose(r.dismissed.length),
  });
  return (
    <Modal
      open
      title={s('bulkTitle')}
      onCancel={() => onClose()}
      okText={s('confirm')}
      cancelText={s('cancel')}
      okButtonProps={{ danger: true, loading: dismiss.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>{f('bulkConfirm', { n: ids.length })}</p>
      <ErrorAlert error={dismiss.error} />
      <Form form={form} layout="vertical" onFinish={(v) => dismiss.mutate(v.reason)}>
        <Form.Item
          name="reason"
          label={s('reason')}
          rules={[{ required: true, whitespace: true, message: s('reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
