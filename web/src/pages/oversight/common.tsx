/** Shared bits of the oversight screens: strings, dates, money, the alliance names of a round. */
import { useQuery } from '@tanstack/react-query';
import { useContext } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { LangContext, useStrings } from '../../i18n.ts';
import { type OversightKey, oversightStrings } from './strings.ts';

export const useS = () => useStrings(oversightStrings);

/** A string with {placeholders} filled. */
export function useF() {
  const s = useS();
  return (key: OversightKey, values: Record<string, string | number>) =>
    s(key).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function useDate() {
  const { lang } = useContext(LangContext);
  return (iso: string | undefined | null) =>
    iso
      ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : '';
}

export function useLang() {
  return useContext(LangContext).lang;
}

export const yuan = (n: unknown) => (typeof n === 'number' ? `¥${n.toLocaleString('zh-CN')}` : '—');

/** A bilingual {zh, en} text (or a plain string) in the current language. */
export function textIn(value: unknown, lang: 'zh' | 'en'): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && lang in value)
    return String((value as Record<string, unknown>)[lang]);
  return '';
}

/**
 * Alliance names of a round (an objection or a 递补 addition names only the alliance id): from the
 * screening list, which names every submitted alliance, and the public notice.
 */
export function useAllianceNames(roundId: string) {
  const notice = useQuery({
    queryKey: ['notice', roundId],
    retry: false,
    queryFn: async () =>
      unwrap(await api.GET('/v1/public/rounds/{roundId}/notice', { params: { path: { roundId } } })) as {
        entries?: { allianceId: string; name: string }[];
      },
  });
  const screening = useQuery({
    queryKey: ['screening-names', roundId],
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/rounds/{roundId}/screening', {
          params: { path: { roundId }, query: { limit: 500 } },
        }),
      ).items,
  });
  const names = new Map([
    ...(screening.data ?? []).map((e) => [e.allianceId, e.name] as const),
    ...(notice.data?.entries ?? []).map((e) => [e.allianceId, e.name] as const),
  ]);
  return (allianceId: string) => names.get(allianceId) ?? allianceId;
}

/** Tag colours at WCAG AA contrast (antd's gold, orange and green presets are not). */
export const tagColours = {
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  grey: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;
