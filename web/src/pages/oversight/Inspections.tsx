/**
 * Irregular inspections (§4.4): the programme office runs a random draw (a dry run first, then the
 * same seed and instant committed, so the draw is reproducible); everyone with an inspection role
 * sees the inspections (an inspector: those assigned to them) and opens one to read or record it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { currentClaims } from '../../auth/session.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { tagColours, useDate, useS } from './common.tsx';

type Inspection = Schemas['Inspection'];
type Draw = Schemas['InspectionDraw'];
type Status = Inspection['status'];

const statusColour: Record<Status, (typeof tagColours)[keyof typeof tagColours]> = {
  planned: tagColours.blue,
  unassigned: tagColours.orange,
  completed: tagColours.green,
};

export const inspectionPath = (id: string) => `/inspections/${encodeURIComponent(id)}`;

export function InspectionStatusTag({ status }: { status: Status }) {
  const s = useS();
  return <Tag style={statusColour[status]}>{s(`insp-${status}`)}</Tag>;
}

export function Inspections() {
  const s = useS();
  const date = useDate();
  const isAdmin = (currentClaims()?.['cognito:groups'] ?? []).includes('admin');
  const [status, setStatus] = useState<Status | undefined>();
  const list = useQuery({
    queryKey: ['inspections', status ?? 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/inspections', { params: { query: status ? { status } : {} } })).items,
  });
  return (
    <>
      <h1 style={{ fontSize: 18 }}>{s('inspections')}</h1>
      {isAdmin ? <DrawCard /> : null}
      <h2 style={{ fontSize: 16, marginTop: 16 }}>{s('inspectionList')}</h2>
      <Space style={{ marginBottom: 8 }} wrap>
        <label htmlFor="inspection-status">{s('filter')}</label>
        <Select<Status | 'all'>
          id="inspection-status"
          style={{ minWidth: 160 }}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: s('all') },
            { value: 'planned', label: s('insp-planned') },
            { value: 'unassigned', label: s('insp-unassigned') },
            { value: 'completed', label: s('insp-completed') },
          ]}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Scroll label={s('inspectionList')}>
        <Table<Inspection>
          rowKey="inspectionId"
          size="small"
          loading={list.isLoading}
          dataSource={[...(list.data ?? [])].sort((a, b) => b.drawnAt.localeCompare(a.drawnAt))}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={s('noInspections')} /> }}
          columns={[
            {
              title: s('alliance'),
              key: 'alliance',
              render: (_, i) => (
                <Link to={inspectionPath(i.inspectionId)}>{i.allianceName ?? i.allianceId}</Link>
              ),
            },
            {
              title: s('status'),
              key: 'status',
              render: (_, i) => <InspectionStatusTag status={i.status} />,
            },
            { title: s('inspector'), key: 'inspector', render: (_, i) => i.inspectorId ?? s('unassigned') },
            { title: s('weight'), key: 'weight', render: (_, i) => i.weight.toFixed(2) },
            { title: s('drawnAt'), key: 'drawnAt', render: (_, i) => date(i.drawnAt) },
            {
              title: s('rating'),
              key: 'rating',
              render: (_, i) => (i.rating ? s(`rating-${i.rating}`) : '—'),
            },
          ]}
        />
      </Scroll>
    </>
  );
}

function DrawCard() {
  const s = useS();
  const date = useDate();
  const client = useQueryClient();
  const [form] = Form.useForm<{ share: number; seed?: string }>();
  const [result, setResult] = useState<Draw | null>(null);
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: async (body: Schemas['DrawRequest']) =>
      unwrap(await api.POST('/v1/inspections/draws', { body })) as Draw,
    onSuccess: (d) => {
      setResult(d);
      setConfirming(false);
      if (!d.dryRun) void client.invalidateQueries({ queryKey: ['inspections'] });
    },
  });
  const dryRun = (v: { share: number; seed?: string }) =>
    run.mutate({ share: v.share / 100, dryRun: true, ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}) });
  const commit = () => {
    if (!result) return;
    // The same seed, share and instant: the committed draw is the dry run's.
    run.mutate({ share: result.share, seed: result.seed, asOf: result.asOf, dryRun: false });
  };
  const weightOf = new Map(result?.candidates.map((c) => [c.allianceId, c.weight]) ?? []);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s('draw')}</h2>}>
      <p>{s('drawIntro')}</p>
      <Form form={form} layout="inline" initialValues={{ share: 10 }} onFinish={dryRun} style={{ rowGap: 8 }}>
        <Form.Item name="share" label={s('share')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="seed" label={s('seed')}>
          <Input maxLength={128} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={run.isPending && !confirming}>
            {s('dryRun')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={run.error} />
      {result ? (
        <section aria-label={s('drawResult')} style={{ marginTop: 12 }}>
          <h3 style={{ fontSize: 15 }}>{result.dryRun ? s('drawDry') : s('drawRecorded')}</h3>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'seed',
                label: s('drawSeed'),
                children: <code data-testid="draw-seed">{result.seed}</code>,
              },
              { key: 'asOf', label: s('asOf'), children: date(result.asOf) },
              { key: 'share', label: s('share'), children: `${Math.round(result.share * 1000) / 10}` },
              { key: 'candidates', label: s('candidates'), children: result.candidates.length },
              { key: 'algorithm', label: s('algorithm'), children: result.algorithm },
            ]}
          />
          <h4 style={{ fontSize: 14 }}>{s('picks')}</h4>
          {result.picks.length === 0 ? (
            <p>{s('noPicks')}</p>
          ) : (
            <ol data-testid="draw-picks">
              {result.picks.map((id) => {
                const a = result.assignments.find((x) => x.allianceId === id);
                return (
                  <li key={id}>
                    {id}（{s('weight')} {weightOf.get(id)?.toFixed(2) ?? '—'}）
                    {a ? `：${a.inspectorId ?? s('unassigned')} · ${a.reason}` : ''}
                  </li>
                );
              })}
            </ol>
          )}
          {result.dryRun ? (
            <Button type="primary" onClick={() => setConfirming(true)}>
              {s('commit')}
            </Button>
          ) : null}
        </section>
      ) : null}
      {confirming ? (
        <Modal
          open
          title={s('commit')}
          okText={s('confirm')}
          cancelText={s('cancel')}
          onOk={commit}
          okButtonProps={{ loading: run.isPending }}
          onCancel={() => setConfirming(false)}
        >
          <p>{s('confirmCommit')}</p>
          <p>
            {s('drawSeed')}：<code>{result?.seed}</code>
          </p>
        </Modal>
      ) : null}
    </Card>
  );
}
