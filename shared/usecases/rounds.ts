/**
 * Funding rounds: admins create and adjust them; anyone may read them; closing starts the pipeline.
 *
 * Each open round has a one-time EventBridge Scheduler schedule (shared/usecases/schedules/round-close.ts)
 * that starts its pipeline when the application window closes. The schedule and the round item
 * are kept consistent by ordering and compensation, never by leaving a half-written round:
 *  - create: the schedule is created first (the round id is new, so nothing else can touch it);
 *    if the round cannot then be stored, the schedule is deleted again. If the schedule cannot be
 *    created, nothing is written and the request fails (503).
 *  - update with a new closing time: the schedule is moved first; if the round write then fails
 *    (e.g. a stale version), the schedule is put back to what the stored round records.
 *  - an admin's close: the pipeline starts, then the schedule is deleted (gone already is fine).
 * The round item records its schedule as `closeSchedule` (not part of the API's Round).
 */
import { randomUUID } from 'node:crypto';
import { commit } from '../db/commit.ts';
import {
  loadRound,
  loadRoundItem,
  putRoundAudit,
  type RoundCloseSchedule,
  roundAudit,
  roundAuditTrail,
  roundPut,
} from '../db/rounds.ts';
import { type Principal, userActor } from '../domain/actors.ts';
import { conflict, notFound, nouns, unavailable, versionConflict } from '../domain/errors.ts';
import type { Round, RoundInput } from '../domain/model/round.ts';
import { yuan } from '../domain/money.ts';
import { logger } from '../logger.ts';
import { startRoundPipeline } from './pipeline/start.ts';
import {
  createRoundCloseSchedule,
  deleteRoundCloseSchedule,
  planRoundCloseSchedule,
  putRoundCloseSchedule,
  scheduleClientToken,
} from './schedules/round-close.ts';

export { listRounds, loadRound } from '../db/rounds.ts';

const schedulerUnavailable = (error: unknown, what: string) => {
  logger.error(`round close schedule: ${what} failed`, { error: error as Error });
  return unavailable({
    en: 'EventBridge Scheduler (round close schedule)',
    zh: 'EventBridge Scheduler（申报截止定时任务）',
  });
};

export async function getRound(roundId: string): Promise<Round> {
  const round = await loadRound(roundId);
  if (!round) throw notFound(nouns.round(roundId));
  return round;
}

/**
 * After a failed round write that followed a schedule change: makes the schedule match the round
 * as stored (a concurrent writer may have won). Best effort: failures are logged.
 */
async function reconcileCloseSchedule(roundId: string, now: Date): Promise<void> {
  try {
    const stored = await loadRoundItem(roundId);
    if (stored?.status === 'open' && stored.closeSchedule) {
      const plan =
        Date.parse(stored.closeSchedule.at) > now.getTime()
          ? stored.closeSchedule
          : planRoundCloseSchedule(roundId, stored.applicationWindow.closesAt, now);
      await putRoundCloseSchedule(
        roundId,
        plan,
        scheduleClientToken('reconcile', roundId, stored.version, plan.expression),
      );
    } else {
      await deleteRoundCloseSchedule(roundId);
    }
  } catch (error) {
    logger.error('round close schedule: could not restore it after a failed round write', {
      roundId,
      error: error as Error,
    });
  }
}

export async function createRound(principal: Principal, input: RoundInput, now = new Date()): Promise<Round> {
  const at = now.toISOString();
  const round: Round = {
    ...input,
    id: `r-${randomUUID()}`,
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const closeSchedule = planRoundCloseSchedule(round.id, input.applicationWindow.closesAt, now);
  try {
    await createRoundCloseSchedule(
      round.id,
      closeSchedule,
      scheduleClientToken('create', round.id, closeSchedule.expression),
    );
  } catch (error) {
    throw schedulerUnavailable(error, 'CreateSchedule');
  }
  const actor = userActor(principal);
  try {
    await commit([
      roundPut(round, closeSchedule),
      roundAudit(
        round.id,
        {
          action: 'round.created',
          actor,
          reason: `budget ${yuan(input.budget)}, cap ${yuan(input.perAllianceCap)}, window ${input.applicationWindow.opensAt} – ${input.applicationWindow.closesAt}`,
        },
        now,
      ),
      roundAudit(
        round.id,
        {
          action: 'round.close-scheduled',
          actor,
          reason: `the pipeline starts when the application window closes (${closeSchedule.at})`,
          data: { ...closeSchedule },
        },
        now,
      ),
    ]);
  } catch (error) {
    // The round was not stored: its schedule must not fire.
    try {
      await deleteRoundCloseSchedule(round.id);
    } catch (cleanup) {
      logger.error('round close schedule: could not delete it after the round write failed', {
        roundId: round.id,
        schedule: closeSchedule.name,
        error: cleanup as Error,
      });
    }
    throw error;
  }
  return round;
}

export async function updateRound(
  principal: Principal,
  roundId: string,
  input: RoundInput & { version: number },
  now = new Date(),
): Promise<Round> {
  const current = await loadRoundItem(roundId);
  if (!current) throw notFound(nouns.round(roundId));
  if (current.status !== 'open')
    throw conflict({
      en: `round ${roundId} is ${current.status}; only an open round can be changed`,
      zh: `申报批次 ${roundId} 当前状态为 ${current.status}，只有开放中的批次可以修改`,
    });
  const { version, ...fields } = input;
  if (version !== current.version) throw versionConflict(version);
  const round: Round = {
    ...fields,
    id: roundId,
    status: current.status,
    version: version + 1,
    createdAt: current.createdAt,
    updatedAt: now.toISOString(),
  };

  // A new closing time (or a round without a schedule yet) moves the schedule first.
  let closeSchedule: RoundCloseSchedule | undefined = current.closeSchedule;
  let rescheduled = false;
  const closesChanged =
    Date.parse(fields.applicationWindow.closesAt) !== Date.parse(current.applicationWindow.closesAt);
  if (closesChanged || !closeSchedule) {
    const plan = planRoundCloseSchedule(roundId, fields.applicationWindow.closesAt, now);
    if (plan.expression !== closeSchedule?.expression) {
      try {
        await putRoundCloseSchedule(
          roundId,
          plan,
          scheduleClientToken('update', roundId, round.version, plan.expression),
        );
      } catch (error) {
        throw schedulerUnavailable(error, 'UpdateSchedule');
      }
      closeSchedule = plan;
      rescheduled = true;
    }
  }

  const actor = userActor(principal);
  try {
    await commit(
      [
        roundPut(round, closeSchedule, version),
        roundAudit(roundId, { action: 'round.updated', actor, data: { version: round.version } }, now),
        rescheduled &&
          closeSchedule &&
          roundAudit(
            roundId,
            {
              action: 'round.close-rescheduled',
              actor,
              reason: `the application window now closes at ${fields.applicationWindow.closesAt}`,
              data: {
                ...closeSchedule,
                ...(current.closeSchedule ? { from: current.closeSchedule.at } : {}),
              },
            },
            now,
          ),
      ],
      (failed) => (failed === 0 ? versionConflict(version) : undefined),
    );
  } catch (error) {
    if (rescheduled) await reconcileCloseSchedule(roundId, now);
    throw error;
  }
  return round;
}

/**
 * An admin closes the round now: the pipeline starts (named from the round id: a second close is
 * harmless), then the round's close schedule is deleted. A schedule that cannot be deleted is only
 * logged: if it fires later, it finds the pipeline already started.
 */
export async function closeRound(principal: Principal, roundId: string, reason: string, now = new Date()) {
  const round = await getRound(roundId);
  const started = await startRoundPipeline(roundId, `admin ${principal.username}`);
  let closeScheduleDeleted: boolean | 'failed';
  try {
    closeScheduleDeleted = await deleteRoundCloseSchedule(roundId);
  } catch (error) {
    closeScheduleDeleted = 'failed';
    logger.warn('round close schedule: could not delete it after the admin closed the round', {
      roundId,
      error: error as Error,
    });
  }
  if (!started.alreadyStarted) {
    await putRoundAudit(
      roundId,
      {
        action: 'round.close-requested',
        actor: userActor(principal),
        reason,
        data: { closeScheduleDeleted },
      },
      now,
    );
  }
  return { roundId: round.id, alreadyStarted: started.alreadyStarted };
}

/** The round's own audit trail: creation, schedules, closing, reviewers, selection, notice, objections. */
export async function roundHistory(roundId: string, cursor: string | undefined, limit: number) {
  // One Query: a page with entries shows the round exists (its trail starts when it is created);
  // only an empty page reads the round, to answer 404 for one that does not.
  const page = await roundAuditTrail(roundId, cursor, limit);
  if (page.items.length === 0) await getRound(roundId);
  return page;
}
