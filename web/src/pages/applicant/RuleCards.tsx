/** Rule results as a list of cards (phones), or the table (wider screens). */
import { Grid, List } from 'antd';
import { useT, useText } from '../../i18n.ts';
import { type RuleRow, RuleTable } from '../RuleTable.tsx';

export function RuleCards({ rows, caption }: { rows: RuleRow[]; caption: string }) {
  const t = useT();
  const text = useText();
  return (
    <section aria-label={caption}>
      <strong>{caption}</strong>
      <List
        dataSource={rows}
        rowKey={(r) => `${r.id}-${r.subject?.organisationId ?? r.subject?.kind ?? ''}`}
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <strong>
                {r.id} · {r.clause}
              </strong>
              <span
                style={{ color: r.passed ? '#135200' : '#a8071a', fontWeight: 600, whiteSpace: 'nowrap' }}
              >
                {r.passed ? '✓' : '✗'} {r.passed ? t('passed') : t('failed')}
              </span>
            </div>
            {r.subject ? (
              <div>
                {t('subject')}: {r.subject.name ?? r.subject.kind}
              </div>
            ) : null}
            <div>{text(r.message)}</div>
            <code style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {t('values')}: {JSON.stringify(r.values)}
            </code>
          </List.Item>
        )}
      />
    </section>
  );
}

/** The table from md (768 px) up, the cards below. */
export function RuleResults({ rows, caption }: { rows: RuleRow[]; caption: string }) {
  const screens = Grid.useBreakpoint();
  return screens.md ? (
    <RuleTable rows={rows} caption={caption} />
  ) : (
    <RuleCards rows={rows} caption={caption} />
  );
}
