/** A need for its enterprise: the suggested societies with reasons, and the interests to accept or decline. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { MatchTable, useSectors, useServiceTypeName } from './PairingCommon.tsx';
import { Scroll } from './Scroll.tsx';

export function NeedDetail() {
  const t = useT();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const serviceName = useServiceTypeName();
  const sectors = useSectors();
  const params = { path: { needId: id } };
  const need = useQuery({
    queryKey: ['need', id],
    queryFn: async () => unwrap(await api.GET('/v1/needs/{needId}', { params })),
  });
  const matches = useQuery({
    queryKey: ['need', id, 'matches'],
    queryFn: async () => unwrap(await api.GET('/v1/needs/{needId}/matches', { params })).items,
  });
  const interests = useQuery({
    queryKey: ['need', id, 'interests'],
    queryFn: async () => unwrap(await api.GET('/v1/needs/{needId}/interests', { params })).items,
  });
  const respond = useMutation({
    mutationFn: async ({ interestId, answer }: { interestId: string; answer: 'accept' | 'decline' }) => {
      const p = { path: { needId: id, interestId } };
      if (answer === 'accept') {
        unwrap(await api.POST('/v1/needs/{needId}/interests/{interestId}/accept', { params: p, body: {} }));
      } else {
        unwrap(await api.POST('/v1/needs/{needId}/interests/{interestId}/decline', { params: p }));
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['need', id] }),
  });
  const n = need.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/needs" style={{ color: '#003eb3' }}>
        {t('back')}
      </Link>
      <h1 style={{ fontSize: 18, margin: 0 }}>{n?.title ?? t('loading')}</h1>
      <ErrorAlert error={need.error ?? matches.error ?? interests.error ?? respond.error} />
      {n ? (
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('status')}>
              <Tag>{n.status}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('sector')}>{sectors.name(n.sector)}</Descriptions.Item>
            <Descriptions.Item label={t('serviceTypes')}>
              {n.serviceTypes.map((s) => serviceName(s)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('budget')}>
              {`${n.budget.min.toLocaleString()}–${n.budget.max.toLocaleString()}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('period')}>{`${n.period.start} – ${n.period.end}`}</Descriptions.Item>
            <Descriptions.Item label={t('description')}>{n.description}</Descriptions.Item>
          </Descriptions>
          {n.allianceId ? <Link to={`/alliances/${n.allianceId}`}>{t('openAlliance')}</Link> : null}
        </Card>
      ) : null}
      <h2 style={{ fontSize: 16, margin: 0 }}>{t('suggestions')}</h2>
      <MatchTable
        label={t('suggestions')}
        matches={matches.data ?? []}
        loading={matches.isLoading}
        nameOf={(m) => m.name}
      />
      <h2 style={{ fontSize: 16, margin: 0 }}>{t('interests')}</h2>
      <Scroll label={t('interests')}>
        <Table<Schemas['Interest']>
          rowKey="id"
          size="small"
          loading={interests.isLoading}
          dataSource={interests.data ?? []}
          pagination={false}
          columns={[
            { title: t('society'), dataIndex: 'societyName' },
            { title: t('message'), dataIndex: 'message' },
            { title: t('status'), dataIndex: 'state', render: (s: string) => <Tag>{s}</Tag> },
            {
              title: t('result'),
              key: 'actions',
              render: (_: unknown, i) =>
                i.state === 'pending' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      loading={respond.isPending}
                      onClick={() => respond.mutate({ interestId: i.id, answer: 'accept' })}
                    >
                      {t('accept')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => respond.mutate({ interestId: i.id, answer: 'decline' })}
                    >
                      {t('decline')}
                    </Button>
                  </Space>
                ) : i.allianceId ? (
                  <Link to={`/alliances/${i.allianceId}`}>{t('openAlliance')}</Link>
                ) : null,
            },
          ]}
        />
      </Scroll>
    </Space>
  );
}
