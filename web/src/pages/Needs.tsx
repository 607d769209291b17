/** 需求广场: open needs; an enterprise publishes a need, a society expresses interest in one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { NeedForm } from './NeedForm.tsx';
import { useSectors, useServiceTypeName } from './PairingCommon.tsx';
import { Scroll } from './Scroll.tsx';

export function Needs() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const serviceName = useServiceTypeName();
  const sectors = useSectors();
  const [target, setTarget] = useState<Schemas['Need']>();
  const [text, setText] = useState('');
  const me = useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/v1/me')) });
  const needs = useQuery({
    queryKey: ['needs'],
    queryFn: async () => unwrap(await api.GET('/v1/needs')).items,
  });
  const interest = useMutation({
    mutationFn: async ({ needId, body }: { needId: string; body: string }) =>
      unwrap(
        await api.POST('/v1/needs/{needId}/interests', {
          params: { path: { needId } },
          body: { message: body },
        }),
      ),
    onSuccess: () => {
      setTarget(undefined);
      setText('');
      void message.success(t('interestSent'));
    },
  });
  const org = me.data?.organisation;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <h1 style={{ fontSize: 18, margin: 0 }}>{t('needs')}</h1>
      <ErrorAlert error={needs.error ?? me.error ?? interest.error} />
      <Scroll label={t('needs')}>
        <Table<Schemas['Need']>
          rowKey="id"
          size="small"
          loading={needs.isLoading}
          dataSource={needs.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('needTitle'),
              dataIndex: 'title',
              render: (title: string, n) =>
                n.organisationId === org?.id ? <Link to={`/needs/${n.id}`}>{title}</Link> : title,
            },
            { title: t('enterpriseName'), dataIndex: 'enterpriseName' },
            { title: t('sector'), dataIndex: 'sector', render: (s: string) => sectors.name(s) },
            {
              title: t('serviceTypes'),
              dataIndex: 'serviceTypes',
              render: (ids: number[]) => ids.map((id) => <Tag key={id}>{serviceName(id)}</Tag>),
            },
            {
              title: t('budget'),
              dataIndex: 'budget',
              render: (b: Schemas['Need']['budget']) => `${b.min.toLocaleString()}–${b.max.toLocaleString()}`,
            },
            {
              title: t('period'),
              dataIndex: 'period',
              render: (p: Schemas['Need']['period']) => `${p.start} – ${p.end}`,
            },
            ...(org?.kind === 'society'
              ? [
                  {
                    title: t('expressInterest'),
                    key: 'interest',
                    render: (_: unknown, n: Schemas['Need']) => (
                      <Button
                        size="small"
                        onClick={() => setTarget(n)}
                        aria-label={`${t('expressInterest')}: ${n.title}`}
                      >
                        {t('expressInterest')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Scroll>
      {target ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{`${t('expressInterest')}: ${target.title}`}</h2>}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label htmlFor="interest-message">{t('message')}</label>
            <Input.TextArea
              id="interest-message"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button
              type="primary"
              disabled={!text.trim()}
              loading={interest.isPending}
              onClick={() => interest.mutate({ needId: target.id, body: text })}
            >
              {t('send')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {org?.kind === 'enterprise' ? (
        <NeedForm onCreated={() => void queryClient.invalidateQueries({ queryKey: ['needs'] })} />
      ) : null}
    </Space>
  );
}
