/** Alliances and their members (one partition per alliance; gsi1 lists a round's alliances, gsi2 an organisation's). */
import type { AllianceRecord, AllianceStatus, Member } from '../domain/model/alliance.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, getRecord, type Page, queryAll, queryIndex, queryIndexPage, queryPage } from './query.ts';
import { stripKeys, table } from './table.ts';

export interface StatusChange {
  status: AllianceStatus;
  at: string;
  by: string;
  reason?: string;
}
/** An alliance as stored: its record and the history of its status. */
export type StoredAlliance = AllianceRecord & { statusHistory: StatusChange[] };

/** The ids of a round's alliances (optionally only those in `status`), sorted. */
export async function roundAllianceIds(roundId: string, status?: string): Promise<string[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': indexKeys.roundAlliances(roundId),
      ...(status ? { ':status': status } : {}),
    },
    ...(status
      ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
      : {}),
  });
  return items.map((i) => i.id as string).sort();
}

/** An alliance with its members (oldest invitation first), or undefined. */
export async function loadAllianceWithMembers(
  allianceId: string,
): Promise<{ alliance: AllianceRecord; members: Member[] } | undefined> {
  const [alliance, members] = await Promise.all([
    getItem(keys.alliance(allianceId)),
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
      ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':member': 'MEMBER#' },
      ConsistentRead: true,
    }),
  ]);
  if (!alliance) return undefined;
  return {
    alliance: stripKeys<AllianceRecord>(alliance),
    members: members.map((m) => stripKeys<Member>(m)).sort((a, b) => a.invitedAt.localeCompare(b.invitedAt)),
  };
}

/** An alliance's record (no members), or undefined. */
export const loadAlliance = (allianceId: string) => getRecord<StoredAlliance>(keys.alliance(allianceId));

/** One page of a round's alliances, newest first. */
export const pageRoundAlliances = (roundId: string, cursor: string | undefined, limit: number) =>
  queryIndexPage<StoredAlliance>('gsi1', indexKeys.roundAlliances(roundId), cursor, limit);

/**
 * One page of the ids of a round's alliances in `status`, oldest first: `limit` index entries are
 * read per page (fewer ids when others are in another status). The cursor is opaque, bound to the
 * round; the sort key (created-at#id) never changes, so paging is stable while statuses change.
 */
export async function pageRoundAllianceIds(
  roundId: string,
  status: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<string>> {
  const partition = indexKeys.roundAlliances(roundId);
  return queryPage<string>(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: '#status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': partition, ':status': status },
    },
    { cursor, limit, partition, partitionAttribute: 'gsi1pk' },
    (item) => item.id as string,
  );
}

/** A member item as listed by organisation: the membership and the alliance it belongs to. */
export type Membership = Member & { allianceId: string };

/** One page of an organisation's memberships, newest first. */
export const pageOrgMemberships = (orgId: string, cursor: string | undefined, limit: number) =>
  queryIndexPage<Membership>('gsi2', indexKeys.orgAlliances(orgId), cursor, limit);

/** Every membership of an organisation (any state). */
export const orgMemberships = (orgId: string) =>
  queryIndex<Membership>('gsi2', indexKeys.orgAlliances(orgId));

/** An alliance's overdue reports (annual and completion; not other deadlines such as inspection follow-ups). */
export async function overdueReports(
  allianceId: string,
): Promise<{ allianceId: string; kind: string; due: string }[]> {
  const { pk, skPrefix } = keys.allianceDeadlines(allianceId);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#status = :overdue AND #kind IN (:annual, :completion)',
    ExpressionAttributeNames: { '#status': 'status', '#kind': 'kind' },
    ExpressionAttributeValues: {
      ':pk': pk,
      ':prefix': skPrefix,
      ':overdue': 'overdue',
      ':annual': 'annual-report',
      ':completion': 'completion-report',
    },
  });
  return items.map((d) => ({
    allianceId: d.allianceId as string,
    kind: d.kind as string,
    due: d.due as string,
  }));
}

/** A new draft alliance (listed under its round). */
export const alliancePut = (alliance: StoredAlliance): TxItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.alliance(alliance.id),
      type: 'alliance',
      gsi1pk: indexKeys.roundAlliances(alliance.roundId),
      gsi1sk: `${alliance.createdAt}#${alliance.id}`,
      ...alliance,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A member of an alliance (listed under its organisation). */
export const memberPut = (allianceId: string, member: Member): TxItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.member(allianceId, member.organisationId),
      type: 'member',
      gsi2pk: indexKeys.orgAlliances(member.organisationId),
      gsi2sk: `${member.invitedAt}#${allianceId}`,
      allianceId,
      ...member,
    },
  },
});

/** An invitation: only a new member, or one that declined earlier, can be invited. */
export const invitationPut = (allianceId: string, member: Member): TxItem => ({
  Put: {
    ...memberPut(allianceId, member).Put!,
    ConditionExpression: 'attribute_not_exists(pk) OR #state = :declined',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':declined': 'declined' },
  },
});

/** An invited member's answer; fails unless the invitation is still open. */
export const invitationAnswerUpdate = (
  allianceId: string,
  organisationId: string,
  answer: 'confirmed' | 'declined',
  at: string,
): TxItem => ({
  Update: {
    TableName: table(),
    Key: keys.member(allianceId, organisationId),
    UpdateExpression: 'SET #state = :answer, respondedAt = :at',
    ConditionExpression: '#state = :invited',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':answer': answer, ':at': at, ':invited': 'invited' },
  },
});

/** Membership changes bump a draft's version, so a submission based on an older view fails. */
export const draftVersionBump = (allianceId: string, at: string): TxItem => ({
  Update: {
    TableName: table(),
    Key: keys.alliance(allianceId),
    UpdateExpression: 'SET version = version + :one, updatedAt = :at',
    ConditionExpression: '#status = :draft',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':one': 1, ':at': at, ':draft': 'draft' },
  },
});

/** Sets content fields of a draft at `version`, moving it to the next version. */
export function draftContentUpdate(
  allianceId: string,
  version: number,
  fields: [string, unknown][],
  at: string,
): TxItem {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':v': version,
    ':next': version + 1,
    ':at': at,
    ':draft': 'draft',
  };
  const sets = ['version = :next', 'updatedAt = :at'];
  fields.forEach(([key, value], i) => {
    names[`#f${i}`] = key;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  return {
    Update: {
      TableName: table(),
      Key: keys.alliance(allianceId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: 'version = :v AND #status = :draft',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
