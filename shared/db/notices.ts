/**
 * A round's public notice (社会公示) and the objections it draws, in the round's partition. The
 * notice's documents (JSON and the Chinese page) are S3 objects under noticeKeys; the NOTICE item
 * records when it was published and when the notice period ends.
 */
import type { Actor } from '../domain/actors.ts';
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getItem, getItems, queryPrefix } from './query.ts';
import { roundAudit } from './rounds.ts';
import { stripKeys, table } from './table.ts';

/** The S3 object keys of a round's notice, in the notices bucket. */
export const noticeKeys = (roundId: string) => ({
  json: `rounds/${roundId}/notice.json`,
  html: `rounds/${roundId}/notice.html`,
});

export interface NoticeItem {
  roundId: string;
  publishedAt: string;
  endsAt: string;
  entries: number;
  json: string;
  html: string;
}

export const loadNotice = async (roundId: string) =>
  (await getItem(keys.notice(roundId))) as NoticeItem | undefined;

/** The NOTICE item, written once (a replayed publication finds the first). */
export function noticePut(notice: NoticeItem): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.notice(notice.roundId), type: 'notice', ...notice },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface ObjectionRecord {
  id: string;
  roundId: string;
  allianceId: string;
  name: string;
  contact: string;
  text: string;
  status: 'open' | 'upheld' | 'dismissed';
  filedAt: string;
  /** Keyed hashes of the filer's network address and of the contact (never the address itself). */
  clientHash?: string;
  contactHash?: string;
  /** The fingerprint of the normalised text (shared/domain/objection-abuse.ts). */
  fingerprint?: string;
  /** The first objection to the same alliance with the same text, by someone else. */
  duplicateOf?: string;
  resolution?: {
    outcome: 'upheld' | 'dismissed';
    reason: string;
    by: string;
    at: string;
    /** Dismissed as spam, with others, by a bulk dismissal. */
    spam?: boolean;
  };
}

export type ObjectionResolution = NonNullable<ObjectionRecord['resolution']>;

/** Objections filed before issue #11 carry the filer's raw address (`sourceIp`): it is never shown. */
function objectionRecord(item: Record<string, unknown>): ObjectionRecord {
  const { sourceIp: _ip, ...rest } = stripKeys<ObjectionRecord & { sourceIp?: string }>(item);
  return rest;
}

export const loadObjection = async (roundId: string, objectionId: string) => {
  const item = await getItem(keys.objection(roundId, objectionId));
  return item ? objectionRecord(item) : undefined;
};

/** Objections by id, in the order of `objectionIds` (undefined where none): BatchGets of 100, not a read each. */
export async function loadObjectionsById(roundId: string, objectionIds: string[]) {
  const found: (Record<string, unknown> | undefined)[] = [];
  for (let i = 0; i < objectionIds.length; i += 100)
    found.push(...(await getItems(objectionIds.slice(i, i + 100).map((id) => keys.objection(roundId, id)))));
  return found.map((item) => (item ? objectionRecord(item) : undefined));
}

/** A round's objections (one consistent Query of the round's partition). */
export async function loadObjections(roundId: string): Promise<ObjectionRecord[]> {
  return (await queryPrefix(keys.round(roundId).pk, 'OBJECTION#')).map(objectionRecord);
}

/** A new objection and its audit record (filed by the public: the actor is the public API). */
export function objectionFiledItems(objection: ObjectionRecord, now: Date): TxItem[] {
  return [
    {
      Put: {
        TableName: table(),
        Item: { ...keys.objection(objection.roundId, objection.id), type: 'objection', ...objection },
      },
    },
    roundAudit(
      objection.roundId,
      {
        action: 'objection.filed',
        actor: { kind: 'system', component: 'public' },
        reason: `objection to ${objection.allianceId}`,
        data: {
          objectionId: objection.id,
          allianceId: objection.allianceId,
          ...(objection.clientHash ? { clientHash: objection.clientHash } : {}),
          ...(objection.duplicateOf ? { duplicateOf: objection.duplicateOf } : {}),
        },
      },
      now,
    ),
  ];
}

/**
 * Open objections one bulk dismissal resolves per transaction: each is its update and its audit
 * record, and the batch moves the tally once — 2 × 49 + 1 = 99 of DynamoDB's 100 items.
 */
export const OBJECTIONS_PER_DISMISSAL_BATCH = 49;

/** Resolves an open objection (the first item: its condition fails when it is no longer open) and audits it. */
export function objectionResolvedItems(
  objection: ObjectionRecord,
  resolution: ObjectionResolution,
  actor: Actor,
  now: Date,
  data: Record<string, unknown> = {},
): TxItem[] {
  return [
    {
      Update: {
        TableName: table(),
        Key: keys.objection(objection.roundId, objection.id),
        UpdateExpression: 'SET #status = :outcome, resolution = :resolution',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':outcome': resolution.outcome,
          ':open': 'open',
          ':resolution': resolution,
        },
      },
    },
    roundAudit(
      objection.roundId,
      {
        action: `objection.${resolution.outcome}`,
        actor,
        reason: resolution.reason,
        data: { objectionId: objection.id, allianceId: objection.allianceId, ...data },
      },
      now,
    ),
  ];
}
