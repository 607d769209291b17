/**
 * Funding rounds: admins create and adjust them; anyone may read them; closing starts the pipeline.
 *
 * Each open round has a one-time EventBridge Scheduler schedule (shared/schedules/round-close.ts)
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
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Round, RoundInput } from '../api/rounds.ts';
import { documentClient } from '../aws/clients.ts';
import { auditPut, auditTrail, userActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { conditionFailed, decodeCursor, encodeCursor, stripKeys, table } from '../db/table.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, conflict, notFound, versionConflict } from '../http/errors.ts';
import { logger } from '../logger.ts';
import { startRoundPipeline } from '../pipeline/start.ts';
import {
  createRoundCloseSchedule,
  deleteRoundCloseSchedule,
  planRoundCloseSchedule,
  putRoundCloseSchedule,
  type RoundCloseSchedule,
  scheduleClientToken,
} from '../schedules/round-close.ts';

/** A round as stored: the API's Round plus its close schedule. */
type RoundItem = Round & { closeSchedule?: RoundCloseSchedule };

const indexFields = (round: Pick<Round, 'year' | 'createdAt' | 'id'>) => ({
  gsi1pk: indexKeys.rounds(),
  gsi1sk: `${round.year}#${round.createdAt}#${round.id}`,
});

/** The API's view of a stored round. */
function toRound(item: Record<string, unknown>): Round {
  const { closeSchedule: _schedule, ...round } = stripKeys<RoundItem>(item);
  return round;
}

const schedulerUnavailable = (error: unknown, what: string) => {
  logger.error(`round close schedule: ${what} failed`, { error: error as Error });
  return new ApiError(503, 'unavailable', { what: 'EventBridge Scheduler (round close schedule)' });
};

async function loadRoundItem(roundId: string): Promise<RoundItem | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.round(roundId) }),
  );
  return Item && Item.type === 'round' ? stripKeys<RoundItem>(Item) : undefined;
}

export async function loadRound(roundId: string): Promise<Round | undefined> {
  const item = await loadRoundItem(roundId);
  return item ? toRound(item) : undefined;
}

export async function getRound(roundId: string): Promise<Round> {
  const round = await loadRound(roundId);
  if (!round) throw notFound(`round ${roundId}`);
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
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.round(round.id),
                type: 'round',
                ...indexFields(round),
                ...round,
                closeSchedule,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(
            table(),
            keys.round(round.id).pk,
            {
              action: 'round.created',
              actor: userActor(principal),
              reason: `budget ¥${input.budget}, cap ¥${input.perAllianceCap}, window ${input.applicationWindow.opensAt} – ${input.applicationWindow.closesAt}`,
            },
            now,
          ),
          auditPut(
            table(),
            keys.round(round.id).pk,
            {
              action: 'round.close-scheduled',
              actor: userActor(principal),
              reason: `the pipeline starts when the application window closes (${closeSchedule.at})`,
              data: { ...closeSchedule },
            },
            now,
          ),
        ],
      }),
    );
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
  if (!current) throw notFound(`round ${roundId}`);
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
  let closeSchedule = current.closeSchedule;
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

  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.round(roundId),
                type: 'round',
                ...indexFields(round),
                ...round,
                ...(closeSchedule ? { closeSchedule } : {}),
              },
              ConditionExpression: 'version = :v AND #status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':v': version, ':open': 'open' },
            },
          },
          auditPut(
            table(),
            keys.round(roundId).pk,
            { action: 'round.updated', actor: userActor(principal), data: { version: round.version } },
            now,
          ),
          ...(rescheduled && closeSchedule
            ? [
                auditPut(
                  table(),
                  keys.round(roundId).pk,
                  {
                    action: 'round.close-rescheduled',
                    actor: userActor(principal),
                    reason: `the application window now closes at ${fields.applicationWindow.closesAt}`,
                    data: {
                      ...closeSchedule,
                      ...(current.closeSchedule ? { from: current.closeSchedule.at } : {}),
                    },
                  },
                  now,
                ),
              ]
            : []),
        ],
      }),
    );
  } catch (error) {
    if (rescheduled) await reconcileCloseSchedule(roundId, now);
    if (conditionFailed(error, 0)) throw versionConflict(version);
    throw error;
  }
  return round;
}

export async function listRounds(cursor: string | undefined, limit: number) {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.rounds() },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, indexKeys.rounds(), 'gsi1pk'),
    }),
  );
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return {
    items: (out.Items ?? []).map((item) => toRound(item)),
    ...(nextCursor ? { nextCursor } : {}),
  };
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
    await documentClient().send(
      new PutCommand({
        ...auditPut(
          table(),
          keys.round(roundId).pk,
          {
            action: 'round.close-requested',
            actor: userActor(principal),
            reason,
            data: { closeScheduleDeleted },
          },
          now,
        ).Put!,
      }),
    );
  }
  return { roundId: round.id, alreadyStarted: started.alreadyStarted };
}

/** The round's own audit trail: creation, schedules, closing, reviewers, selection, notice, objections. */
export async function roundHistory(roundId: string, cursor: string | undefined, limit: number) {
  await getRound(roundId);
  return auditTrail(keys.round(roundId).pk, cursor, limit);
}
