import { Table } from 'antd';
import type { Schemas } from '../api/client.ts';
import { useT, useText } from '../i18n.ts';
import { Scroll } from './Scroll.tsx';

export type RuleRow = Pick<Schemas['RuleResult'], 'id' | 'clause' | 'passed' | 'values' | 'message'> & {
  subject?: Schemas['RuleResult']['subject'];
};

/** Rules one by one: id, clause, subject, passed or not, the values looked at and the message. */
export function RuleTable({ rows, caption }: { rows: RuleRow[]; caption: string }) {
  const t = useT();
  const text = useText();
  return (
    <Scroll label={caption}>
      <Table<RuleRow>
        size="small"
        pagination={false}
        rowKey={(r) => `${r.id}-${r.subject?.organisationId ?? r.subject?.kind ?? ''}`}
        dataSource={rows}
        title={() => <strong>{caption}</strong>}
        columns={[
          { title: t('rule'), dataIndex: 'id', width: 60 },
          { title: t('clause'), dataIndex: 'clause', width: 80 },
          {
            title: t('result'),
            dataIndex: 'passed',
            width: 90,
            render: (passed: boolean) => (
              <span style={{ color: passed ? '#135200' : '#a8071a', fontWeight: 600, whiteSpace: 'nowrap' }}>
                {passed ? '✓' : '✗'} {passed ? t('passed') : t('failed')}
              </span>
            ),
          },
          { title: t('subject'), key: 'subject', render: (_, r) => r.subject?.name ?? r.subject?.kind ?? '' },
          { title: t('explanation'), key: 'message', render: (_, r) => text(r.message) },
          {
            title: t('values'),
            key: 'values',
            render: (_, r) => <code style={{ wordBreak: 'break-all' }}>{JSON.stringify(r.values)}</code>,
          },
        ]}
      />
    </Scroll>
  );
}
