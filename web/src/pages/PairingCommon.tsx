/** Shared pieces of the free-pairing screens: service type names, sector options and match reasons. */
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Space, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { type Key, useT } from '../i18n.ts';
import { Scroll } from './Scroll.tsx';

export const SERVICE_TYPES = [1, 2, 3, 4, 5, 6, 7] as const;

/** The name of a §2.1 service type in the current language. */
export function useServiceTypeName() {
  const t = useT();
  return (id: number) => (id >= 1 && id <= 7 ? t(`serviceType${id}` as Key) : String(id));
}

/** The seven service types as checkbox options. */
export function useServiceTypeOptions() {
  const name = useServiceTypeName();
  return SERVICE_TYPES.map((id) => ({ value: id, label: name(id) }));
}

/**
 * The seven service types as a labelled group of checkboxes, for a Form.Item: only value, onChange
 * and id are taken (the aria-required Form.Item adds is not allowed on a group).
 */
export function ServiceTypeChecks({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
}) {
  const t = useT();
  const options = useServiceTypeOptions();
  return (
    <fieldset
      id={id}
      aria-label={t('serviceTypes')}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      <Checkbox.Group options={options} value={value ?? []} onChange={(v) => onChange?.(v as number[])} />
    </fieldset>
  );
}

/** Priority sectors of the rounds (id → name), for the sector selects and labels. */
export function useSectors() {
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: async () => unwrap(await api.GET('/v1/rounds')).items,
  });
  const names = new Map<string, string>();
  for (const r of rounds.data ?? []) {
    for (const s of (r as { prioritySectors?: { id: string; name: string }[] }).prioritySectors ?? []) {
      names.set(s.id, s.name);
    }
  }
  return {
    rounds,
    name: (id: string) => names.get(id) ?? id,
    options: [...names].map(([value, label]) => ({ value, label })),
  };
}

function Tags({ items }: { items: ReactNode[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once
        <Tag key={i}>{item}</Tag>
      ))}
    </Space>
  );
}

/** Ranked matches with their reasons: matched fields, service types, shared terms, load, score. */
export function MatchTable({
  label,
  matches,
  loading,
  nameOf,
}: {
  label: string;
  matches: Schemas['Match'][];
  loading: boolean;
  nameOf: (m: Schemas['Match']) => ReactNode;
}) {
  const t = useT();
  const serviceName = useServiceTypeName();
  const sectors = useSectors();
  return (
    <Scroll label={label}>
      <Table<Schemas['Match']>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={matches}
        pagination={false}
        columns={[
          { title: t('name'), dataIndex: 'name', render: (_: string, m) => nameOf(m) },
          { title: t('score'), dataIndex: 'score', render: (s: number) => s.toFixed(2) },
          {
            title: t('reasons'),
            dataIndex: 'reasons',
            render: (r: Schemas['Match']['reasons']) => (
              <Space orientation="vertical" size={2}>
                {r.fields.length ? (
                  <span>
                    {t('matchedFields')}: <Tags items={r.fields.map(sectors.name)} />
                  </span>
                ) : null}
                {r.serviceTypes.length ? (
                  <span>
                    {t('serviceTypes')}: <Tags items={r.serviceTypes.map(serviceName)} />
                  </span>
                ) : null}
                {r.terms.length ? (
                  <span>
                    {t('sharedTerms')}: <Tags items={r.terms} />
                  </span>
                ) : null}
                <span>
                  {t('load')}: {r.load.toFixed(2)}
                </span>
              </Space>
            ),
          },
        ]}
      />
    </Scroll>
  );
}
