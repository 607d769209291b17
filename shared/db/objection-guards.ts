/**
 * What keeps objections from being abused (issue #11), in the round's partition next to them, each
 * item written in the transaction that stores the objection — so nothing is counted, marked or
 * fingerprinted that was not filed, and nothing is filed that a limit refused:
 *  - counters (`OBJLIMIT#<subject>#<hash>#<window>`): objections per client or contact in the
 *    round ('round') or in a clock hour; the update's condition is the limit (`n < limit`), so two
 *    requests at once can never both take the last place. They expire (TTL `expiresAt`).
 *  - repeat markers (`OBJREPEAT#<alliance>#<fingerprint>#<hash>`): this client or contact objected
 *    to this alliance with this text; put only if absent, so a repeat is refused.
 *  - fingerprints (`OBJFP#<alliance>#<fingerprint>`): the first objection with the text and how
 *    many followed; an objection from someone else with the same text is marked `duplicateOf`.
 * Every item is addressed by key: filing costs O(1) reads and writes however many objections there are.
 */
import type { LimitCounter } from '../domain/objection-abuse.ts';
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getItem } from './query.ts';
import { table } from './table.ts';

/** Adds one to a counter, unless it is at its limit (the transaction then fails on this item). */
export function counterAdd(roundId: string, counter: LimitCounter): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.objectionCounter(roundId, counter.subject, counter.hash, counter.window),
      UpdateExpression: 'SET #type = :type, expiresAt = :expiresAt ADD n :one',
      ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':type': 'objection-counter',
        ':expiresAt': counter.expiresAt,
        ':one': 1,
        ':limit': counter.limit,
      },
    },
  };
}

export interface RepeatMarker {
  objectionId: string;
}

/** Marks that `subjectHash` objected to the alliance with this text; fails when it already had. */
export function repeatPut(
  roundId: string,
  allianceId: string,
  fingerprint: string,
  subjectHash: string,
  objectionId: string,
  expiresAt: number,
): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.objectionRepeat(roundId, allianceId, fingerprint, subjectHash),
        type: 'objection-repeat',
        objectionId,
        expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function loadRepeat(
  roundId: string,
  allianceId: string,
  fingerprint: string,
  subjectHash: string,
): Promise<RepeatMarker | undefined> {
  const item = await getItem(keys.objectionRepeat(roundId, allianceId, fingerprint, subjectHash));
  return typeof item?.objectionId === 'string' ? { objectionId: item.objectionId } : undefined;
}

export interface Fingerprint {
  /** The first objection to the alliance with this text. */
  first: string;
  /** Objections with it in all. */
  n: number;
}

export async function loadFingerprint(
  roundId: string,
  allianceId: string,
  fingerprint: string,
): Promise<Fingerprint | undefined> {
  const item = await getItem(keys.objectionFingerprint(roundId, allianceId, fingerprint));
  return typeof item?.first === 'string' ? { first: item.first, n: Number(item.n ?? 0) } : undefined;
}

/**
 * Records an objection under its fingerprint: as the first (`seen` undefined: fails when another
 * became the first meanwhile, so the caller reads again and marks its objection a duplicate), or
 * as one more after `seen.first`.
 */
export function fingerprintWrite(
  roundId: string,
  allianceId: string,
  fingerprint: string,
  objectionId: string,
  seen: Fingerprint | undefined,
  expiresAt: number,
): TxItem {
  const key = keys.objectionFingerprint(roundId, allianceId, fingerprint);
  if (!seen)
    return {
      Put: {
        TableName: table(),
        Item: { ...key, type: 'objection-fingerprint', first: objectionId, n: 1, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  return {
    Update: {
      TableName: table(),
      Key: key,
      UpdateExpression: 'SET expiresAt = :expiresAt ADD n :one',
      ConditionExpression: '#first = :first',
      ExpressionAttributeNames: { '#first': 'first' },
      ExpressionAttributeValues: { ':expiresAt': expiresAt, ':one': 1, ':first': seen.first },
    },
  };
}
