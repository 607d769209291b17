/** Shared bits of the office screens: their strings, status words, money, the round's queries. */
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useStrings } from '../../i18n.ts';
import { type OfficeKey, officeStrings } from './strings.ts';

export const useS = () => useStrings(officeStrings);

export const yuan = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `¥${n.toLocaleString('zh-CN')}`;

export const score = (n: unknown) => (typeof n === 'number' ? n.toFixed(2) : '—');

/** The lifecycle stages shown on the timeline, in order (failed is shown on the stage it failed in). */
export const timelineStages = [
  'closing-applications',
  'screening',
  'review',
  'selection',
  'public-notice',
  'objections',
  'supplement',
  'designation',
  'implementation',
] as const;

export function useStageLabel() {
  const s = useS();
  return (stage: string | undefined) =>
    stage && `stage-${stage}` in officeStrings ? s(`stage-${stage}` as OfficeKey) : (stage ?? '—');
}

export function useRunLabel() {
  const s = useS();
  const words: Record<string, OfficeKey> = {
    RUNNING: 'runRunning',
    SUCCEEDED: 'runSucceeded',
    FAILED: 'runFailed',
    TIMED_OUT: 'runTimedOut',
    ABORTED: 'runAborted',
    NOT_STARTED: 'notStarted',
  };
  return (status: string) => (words[status] ? s(words[status]) : status);
}

export function useRound(roundId: string) {
  return useQuery({
    queryKey: ['round', roundId],
    enabled: Boolean(roundId),
    queryFn: async () => unwrap(await api.GET('/v1/rounds/{roundId}', { params: { path: { roundId } } })),
  });
}

export function usePipeline(roundId: string, enabled = true) {
  return useQuery({
    queryKey: ['pipeline', roundId],
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/v1/rounds/{roundId}/pipeline', { params: { path: { roundId } } })),
    // The pipeline moves on its own between the office's decisions: poll while it runs.
    refetchInterval: (q) =>
      q.state.data?.status !== 'RUNNING' ? false : q.state.data.waitingOn ? 5000 : 1500,
  });
}

/** The round's submitted alliances (screening list): also where the other tabs get alliance names. */
export function useScreening(roundId: string, enabled = true) {
  return useQuery({
    queryKey: ['screening', roundId],
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/rounds/{roundId}/screening', {
          params: { path: { roundId }, query: { limit: 500 } },
        }),
      ),
  });
}

/** The ranking and selection (absent until the reviews are concluded: a 404 then). */
export const rankingQuery = (roundId: string, enabled: boolean) => ({
  queryKey: ['ranking', roundId],
  enabled,
  retry: false,
  queryFn: async () =>
    unwrap(await api.GET('/v1/rounds/{roundId}/ranking', { params: { path: { roundId }, query: {} } })),
});

/** Stages at and after which the ranking exists. */
export const rankedStages = [
  'selection',
  'public-notice',
  'objections',
  'supplement',
  'designation',
  'implementation',
];

const tones = {
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  bad: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  plain: {},
} as const;

/** A status as a word on a tag, in colours with AA contrast (the antd presets' text is too light). */
export function StatusTag({
  tone = 'plain',
  children,
}: {
  tone?: keyof typeof tones | undefined;
  children: ReactNode;
}) {
  return <Tag style={tones[tone]}>{children}</Tag>;
}
