/** An assigned application as the reviewer reads it: members, goals, tasks, plan, budget, services, sectors. */
import { Descriptions, Table, Tag } from 'antd';
import type { Schemas } from '../../api/client.ts';
import { type Key, useStrings, useT } from '../../i18n.ts';
import { Scroll } from '../Scroll.tsx';
import { reviewerStrings } from './strings.ts';

type Alliance = Schemas['Alliance'];
type BudgetLine = NonNullable<Alliance['budgetLines']>[number];

const yuan = (n: number) => n.toLocaleString('zh-CN');
const h3 = { fontSize: 15, margin: '16px 0 8px' } as const;

export function Proposal({ alliance, round }: { alliance: Alliance; round?: Schemas['Round'] }) {
  const s = useStrings(reviewerStrings);
  const t = useT();
  const sectorName = (id: string) => round?.prioritySectors.find((p) => p.id === id)?.name ?? id;
  const lines = alliance.budgetLines ?? [];
  const sum = (f: (l: BudgetLine) => number) => lines.reduce((acc, l) => acc + f(l), 0);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
        {alliance.summary ? (
          <Descriptions.Item label={s('summary')} span={2}>
            {alliance.summary}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={s('goals')} span={2}>
          {alliance.goals ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={s('period')}>
          {alliance.period ? `${alliance.period.start} – ${alliance.period.end}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={s('serviceTypes')}>
          {(alliance.serviceTypes ?? []).map((n) => (
            <Tag key={n}>{t(`serviceType${n}` as Key)}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={s('sectors')}>
          {(alliance.sectors ?? []).map((id) => (
            <Tag key={id}>{sectorName(id)}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={s('guarantee')}>{alliance.guaranteeMeasures ?? ''}</Descriptions.Item>
        <Descriptions.Item label={s('rights')} span={2}>
          {alliance.rightsSharing ?? ''}
        </Descriptions.Item>
      </Descriptions>

      <h3 style={h3}>{s('members')}</h3>
      <ul style={{ paddingInlineStart: 18, margin: 0 }}>
        {alliance.members.map((m) => (
          <li key={m.organisationId}>
            {m.name} <Tag>{m.kind === 'enterprise' ? t('enterprise') : t('society')}</Tag>
          </li>
        ))}
      </ul>

      {alliance.tasks?.length ? (
        <>
          <h3 style={h3}>{s('tasks')}</h3>
          <ol style={{ paddingInlineStart: 18, margin: 0 }}>
            {alliance.tasks.map((task) => (
              <li key={task.title}>
                <strong>{task.title}</strong>
                {task.description ? `：${task.description}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {alliance.expertTeam?.length ? (
        <>
          <h3 style={h3}>{s('expertTeam')}</h3>
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {alliance.expertTeam.map((e) => (
              <li key={`${e.name}-${e.organisationId}`}>
                {[e.name, e.title, e.field].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {alliance.workPlan?.length ? (
        <>
          <h3 style={h3}>{s('workPlan')}</h3>
          <ol style={{ paddingInlineStart: 18, margin: 0 }}>
            {alliance.workPlan.map((w) => (
              <li key={`${w.milestone}-${w.due}`}>
                {w.due} · {w.milestone}
                {w.deliverable ? ` · ${w.deliverable}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {alliance.indicators?.length ? (
        <>
          <h3 style={h3}>{s('indicators')}</h3>
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {alliance.indicators.map((i) => (
              <li key={i.id}>
                {i.name}：{i.target}
                {i.unit ?? ''}
                {i.due ? `（${i.due}）` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 style={h3}>{s('budgetLines')}</h3>
      <Scroll label={s('budgetLines')}>
        <Table<BudgetLine>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={lines}
          columns={[
            {
              title: s('category'),
              key: 'category',
              render: (_, l) => (l.description ? `${l.category}（${l.description}）` : l.category),
            },
            { title: s('amount'), dataIndex: 'amount', align: 'right', render: yuan },
            { title: s('enterpriseFunds'), dataIndex: 'enterpriseFunds', align: 'right', render: yuan },
            { title: s('programmeFunds'), dataIndex: 'programmeFunds', align: 'right', render: yuan },
          ]}
          summary={() =>
            lines.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{s('budgetTotal')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {yuan(sum((l) => l.amount))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {yuan(sum((l) => l.enterpriseFunds))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {yuan(sum((l) => l.programmeFunds))}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Scroll>
    </>
  );
}
