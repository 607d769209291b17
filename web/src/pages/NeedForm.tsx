/** The enterprise's form to publish a need: round, sector, service types, budget, period, contact. */
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ServiceTypeChecks, useSectors } from './PairingCommon.tsx';

type Values = {
  roundId?: string;
  title: string;
  description: string;
  sector: string;
  serviceTypes: number[];
  min: number;
  max: number;
  start: string;
  end: string;
  channel: Schemas['NeedInput']['contactPreference']['channel'];
};

export function NeedForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const sectors = useSectors();
  const openRounds = (sectors.rounds.data ?? []).filter((r) => r.status === 'open');
  const create = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/v1/needs', {
          body: {
            roundId: v.roundId || undefined,
            title: v.title,
            description: v.description,
            sector: v.sector,
            serviceTypes: v.serviceTypes,
            budget: { min: v.min, max: v.max },
            period: { start: v.start, end: v.end },
            contactPreference: { channel: v.channel },
          },
        }),
      ),
    onSuccess: (need) => {
      onCreated();
      navigate(`/needs/${need.id}`);
    },
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('publishNeed')}</h2>}>
      <ErrorAlert error={create.error} />
      <Form<Values>
        layout="vertical"
        initialValues={{ channel: 'platform', serviceTypes: [] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="roundId" label={t('round')}>
          <Select
            allowClear
            aria-label={t('round')}
            options={openRounds.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('needTitle')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="sector" label={t('sector')} rules={[{ required: true }]}>
          <Select aria-label={t('sector')} options={sectors.options} />
        </Form.Item>
        <Form.Item name="serviceTypes" label={t('serviceTypes')} rules={[{ required: true }]}>
          <ServiceTypeChecks />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="min" label={t('budgetMin')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="max" label={t('budgetMax')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="start" label={t('periodStart')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="end" label={t('periodEnd')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="channel" label={t('contactChannel')}>
          <Select
            aria-label={t('contactChannel')}
            options={[
              { value: 'platform', label: t('channelPlatform') },
              { value: 'email', label: t('channelEmail') },
              { value: 'phone', label: t('channelPhone') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('publishNeed')}
        </Button>
      </Form>
    </Card>
  );
}
