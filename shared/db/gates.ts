/**
 * Callback gates of a round's pipeline: the item holding the task token Step Functions waits on.
 * Opening is the pipeline's; closing is claimed by exactly one caller (a conditional update).
 */
import { type GateName, gateNames } from '../domain/pipeline.ts';
import { updateItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, queryAll } from './query.ts';
import { table } from './table.ts';

export interface GateItem {
  roundId: string;
  gate: GateName;
  status: 'open' | 'closed';
  taskToken: string;
  openedAt: string;
}

export async function loadGate(roundId: string, gate: GateName): Promise<GateItem | undefined> {
  return (await getItem(keys.gate(roundId, gate))) as GateItem | undefined;
}

/** Flips an open gate (holding `taskToken`, when given) to closed; false when it was not open (or moved on). */
async function closeGate(
  roundId: string,
  gate: GateName,
  by: string,
  now: Date,
  taskToken?: string,
): Promise<boolean> {
  const out = await updateItem({
    TableName: table(),
    Key: keys.gate(roundId, gate),
    UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by REMOVE gsi1pk, gsi1sk',
    ConditionExpression:
      taskToken === undefined ? '#status = :open' : '#status = :open AND taskToken = :token',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':closed': 'closed',
      ':open': 'open',
      ...(taskToken === undefined ? {} : { ':token': taskToken }),
      ':at': now.toISOString(),
      ':by': by,
    },
  });
  return out !== false;
}

/** Flips an open gate holding `taskToken` to closed; false when someone else already did (or it moved on). */
export const claimGate = (roundId: string, gate: GateName, taskToken: string, by: string, now = new Date()) =>
  closeGate(roundId, gate, by, now, taskToken);

/**
 * Closes a gate still open without answering its token (the wait ended otherwise, e.g. at a
 * deadline), so nothing more arrives through it; false when it was not open.
 */
export const closeOpenGate = (roundId: string, gate: GateName, by: string, now = new Date()) =>
  closeGate(roundId, gate, by, now);

/** Sets a gate's status unconditionally: back to 'open' (a send that failed transiently, to retry). */
export async function setGateStatus(roundId: string, gate: GateName, status: 'open') {
  await updateItem({
    TableName: table(),
    Key: keys.gate(roundId, gate),
    UpdateExpression: 'SET #status = :status',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':status': status },
  });
}

/** A gate open now, and since when. */
export interface OpenGate {
  roundId: string;
  gate: GateName;
  openedAt: string;
  waitingOn?: string;
}

/** The gates open since before `before` (ISO instant), oldest first. */
export async function listGatesOpenSince(before: string): Promise<OpenGate[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
    ExpressionAttributeValues: { ':pk': indexKeys.openGates(), ':before': before },
  });
  return items
    .filter((i) => typeof i.roundId === 'string' && (gateNames as readonly unknown[]).includes(i.gate))
    .map((i) => ({
      roundId: i.roundId as string,
      gate: i.gate as GateName,
      openedAt: i.openedAt as string,
      ...(typeof i.waitingOn === 'string' ? { waitingOn: i.waitingOn } : {}),
    }));
}
