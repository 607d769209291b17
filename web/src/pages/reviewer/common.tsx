/** Pieces the reviewer screens share: the assignments query, round look-ups, status and dates in words. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useContext } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { LangContext, useStrings } from '../../i18n.ts';
import { reviewerStrings } from './strings.ts';
import { type AssignmentStatus, type MyAssignment, statusOf } from './types.ts';

export const assignmentsKey = ['reviews', 'assignments'] as const;

export function useMyAssignments() {
  return useQuery({
    queryKey: assignmentsKey,
    queryFn: async () => unwrap(await api.GET('/v1/reviews/assignments')).items as unknown as MyAssignment[],
  });
}

/** The rounds (public reads), by id: their names and review deadlines. */
export function useRounds(roundIds: readonly string[]) {
  const results = useQueries({
    queries: [...new Set(roundIds)].map((roundId) => ({
      queryKey: ['round', roundId],
      queryFn: async () => unwrap(await api.GET('/v1/rounds/{roundId}', { params: { path: { roundId } } })),
    })),
  });
  const byId = new Map<string, Schemas['Round']>();
  for (const r of results) if (r.data) byId.set(r.data.id, r.data);
  return { byId, error: results.find((r) => r.error)?.error };
}

export function useDate() {
  const { lang } = useContext(LangContext);
  return (iso: string | undefined) =>
    iso
      ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : '';
}

/** Tag colours at WCAG AA contrast (antd's green and orange presets are not). */
const colours: Record<
  AssignmentStatus | 'overdue',
  { color: string; background: string; borderColor: string }
> = {
  pending: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  submitted: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  conflict: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  overdue: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
};

/** The status of an assignment as words (a pending one past the deadline says so). */
export function StatusTag({ assignment, deadline }: { assignment: MyAssignment; deadline?: string }) {
  const s = useStrings(reviewerStrings);
  const status = statusOf(assignment);
  const shown = status === 'pending' && deadline && Date.parse(deadline) < Date.now() ? 'overdue' : status;
  return <Tag style={colours[shown]}>{s(shown)}</Tag>;
}
