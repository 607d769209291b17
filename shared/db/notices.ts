/**
 * A round's public notice (社会公示) and the objections it draws, in the round's partition. The
 * notice's documents (JSON and the Chinese page) are S3 objects under noticeKeys; the NOTICE item
 * records when it was published and when the notice period ends.
 */
import type { Actor } from '../domain/actors.ts';
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getItem, queryPrefix } from './query.ts';
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
  resolution?: { outcome: 'upheld' | 'dismissed'; reason: string; by: string; at: string };
}

export type ObjectionResolution = NonNullable<ObjectionRecord['resolution']>;

export const loadObjection = async (roundId: string, objectionId: string) => {
  const item = await getItem(keys.objection(roundId, objectionId));
  return item ? stripKeys<ObjectionRecord>(item) : undefined;
};

/** A round's objections, without the filer's source address (kept for abuse handling only). */
export async function loadObjections(roundId: string): Promise<ObjectionRecord[]> {
  const items = await queryPrefix(keys.round(roundId).pk, 'OBJECTION#');
  return items.map((i) => {
    const { sourceIp: _ip, ...rest } = stripKeys<ObjectionRecord & { sourceIp?: string }>(i);
    return rest;
  });
}

/** A new objection and its audit record (filed by the public: the actor is the public API). */
export function objectionFiledItems(objection: ObjectionRecord, sourceIp: string, now: Date): TxItem[] {
  return [
    {
      Put: {
        TableName: table(),
        Item: {
          ...keys.objection(objection.roundId, objection.id),
          type: 'objection',
          sourceIp,
          ...objection,
        },
      },
    },
    roundAudit(
      objection.roundId,
      {
        action: 'objection.filed',
        actor: { kind: 'system', component: 'public' },
        reason: `objection to ${objection.allianceId}`,
        data: { objectionId: objection.id, allianceId: objection.allianceId },
      },
      now,
    ),
  ];
}

/** Resolves an open objection (the first item: its condition fails when it is no longer open) and audits it. */
export function objectionResolvedItems(
  objection: ObjectionRecord,
  resolution: ObjectionResolution,
  actor: Actor,
  now: Date,
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
        data: { objectionId: objection.id, allianceId: objection.allianceId },
      },
      now,
    ),
  ];
}
