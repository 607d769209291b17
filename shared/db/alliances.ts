/**
 * Alliances and their members (one partition per alliance; gsi1 lists a round's alliances, gsi2 an
 * organisation's). An alliance is two items: its head (sk ALLIANCE: id, round, name, status,
 * version, history — rewritten at every step and copied to gsi1, whose projection is ALL) and its
 * content (sk ALLIANCE#CONTENT: the application itself, 1–3 KB, written only while a draft). Kept
 * apart, a status change rewrites well under 1 KB twice (table and index) instead of the whole
 * application twice. Alliances written before the split hold everything on the head: reading
 * merges the content item, where there is one, over the head, so both read the same. Within an
 * HTTP request an alliance is read as its whole item collection, one Query that also answers the
 * request's other reads of the partition (loadAlliancePartition); elsewhere (pipeline steps,
 * streams) head and content are one Query (or, with other exactly-known keys, one BatchGet) and
 * the members a Query of their MEMBER# prefix.
 */
import type { AllianceRecord, AllianceStatus, Member } from '../domain/model/alliance.ts';
import type { TxItem } from './commit.ts';
import { setExtra } from './expressions.ts';
import { indexKeys, keys } from './keys.ts';
import { knownUserOrganisationId, loadUserOrganisationId } from './organisations.ts';
import {
  getItems,
  getRecord,
  type Page,
  queryAll,
  queryIndex,
  queryIndexPage,
  queryPage,
  queryPartition,
} from './query.ts';
import { inRequest } from './request-scope.ts';
import { stripKeys, table } from './table.ts';

export interface StatusChange {
  status: AllianceStatus;
  at: string;
  by: string;
  reason?: string;
}
/** An alliance as stored: its record and the history of its status. */
export type StoredAlliance = AllianceRecord & { statusHistory: StatusChange[] };

/** The fields on an alliance's head item; every other field of the record is content. */
const headFields = [
  'id',
  'roundId',
  'name',
  'status',
  'version',
  'createdBy',
  'submittedAt',
  'createdAt',
  'updatedAt',
  'statusHistory',
] as const satisfies readonly (keyof StoredAlliance)[];
const HEAD_FIELDS: ReadonlySet<string> = new Set(headFields);
/** An alliance's head: what lists, status checks and notifications read. */
export type AllianceHead = Pick<StoredAlliance, (typeof headFields)[number]>;

/** Splits fields into those of the head and those of the content item. */
function splitFields<T>(entries: [string, T][]): { head: [string, T][]; content: [string, T][] } {
  return {
    head: entries.filter(([k]) => HEAD_FIELDS.has(k)),
    content: entries.filter(([k]) => !HEAD_FIELDS.has(k)),
  };
}

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

/** The record of a head and its content item (a content item never holds head fields: merging cannot overwrite the head). */
const merged = (head: Item | undefined, content: Item | undefined) =>
  head ? stripKeys<StoredAlliance>({ ...head, ...content }) : undefined;

/** The alliance's head and content items (in one consistent Query: their sort keys begin ALLIANCE). */
async function loadAllianceItems(allianceId: string): Promise<StoredAlliance | undefined> {
  const { pk, sk } = keys.alliance(allianceId);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :alliance)',
    ExpressionAttributeValues: { ':pk': pk, ':alliance': sk },
    ConsistentRead: true,
  });
  return merged(
    items.find((i) => i.sk === sk),
    items.find((i) => i.sk === keys.allianceContent(allianceId).sk),
  );
}

/**
 * The alliance's head and content items with `extra` items of other exactly-known keys (the
 * caller's USER# link, an inspector's assignment) in one consistent BatchGet: one round trip where
 * the Query above and a GetItem per extra item would be two or more. `extra` holds the extra items
 * in the order of their keys, undefined where there is none.
 */
async function loadAllianceItemsWith(
  allianceId: string,
  extraKeys: Key[],
): Promise<{ alliance: StoredAlliance | undefined; extra: (Item | undefined)[] }> {
  const [head, content, ...extra] = await getItems([
    keys.alliance(allianceId),
    keys.allianceContent(allianceId),
    ...extraKeys,
  ]);
  return { alliance: merged(head, content), extra };
}

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

/** An alliance's record and its members, oldest invitation first. */
export type AllianceWithMembers = { alliance: AllianceRecord; members: Member[] };

/** Every member item of an alliance (one consistent Query of the MEMBER# prefix), oldest invitation first. */
async function loadMembers(allianceId: string): Promise<Member[]> {
  const members = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
    ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':member': 'MEMBER#' },
    ConsistentRead: true,
  });
  return members.map((m) => stripKeys<Member>(m)).sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
}

/**
 * An alliance with its members, or undefined: two requests in parallel. The members cannot join
 * the head's Query: their sort keys (MEMBER#<org>) do not sort next to ALLIANCE — AUDIT#, AWARD,
 * DEADLINE#, DOC#, INSPECTOR# and LEDGER# items lie between, and they grow with the alliance.
 * Sort keys ALLIANCE#MEMBER#<org> would make head, content and members one bounded Query
 * (begins_with ALLIANCE), at the cost of migrating the member items.
 */
export async function loadAllianceWithMembers(allianceId: string): Promise<AllianceWithMembers | undefined> {
  if (inRequest()) return loadAlliancePartition(allianceId);
  const [alliance, members] = await Promise.all([loadAllianceItems(allianceId), loadMembers(allianceId)]);
  return alliance ? { alliance, members } : undefined;
}

/**
 * An alliance with its members from one consistent Query of its whole item collection (every page;
 * query.ts `queryPartition`): within an HTTP request the same snapshot then answers the request's
 * other reads of the partition — its documents, history, award, deadlines, ledger, plan, reports
 * (request-scope.ts) — so an endpoint reading an alliance and its parts makes one request. It reads
 * more than the head and members alone (the ledger and audit trail grow with the alliance: about
 * 2,000 entries fill a 1 MB page), for one round trip instead of two or more.
 */
async function loadAlliancePartition(allianceId: string): Promise<AllianceWithMembers | undefined> {
  const items = await queryPartition(keys.alliance(allianceId).pk);
  const alliance = merged(
    items.find((i) => i.sk === keys.alliance(allianceId).sk),
    items.find((i) => i.sk === keys.allianceContent(allianceId).sk),
  );
  const members = items
    .filter((i) => (i.sk as string).startsWith('MEMBER#'))
    .map((m) => stripKeys<Member>(m))
    .sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
  return alliance ? { alliance, members } : undefined;
}

/**
 * An alliance with its members, and the organisation user `sub` acts for. When this container
 * knows the user's link (it never changes: organisations.ts), one Query of the alliance's item
 * collection; otherwise that Query and the USER# GetItem in parallel (a container's first request
 * for that user).
 */
export async function loadAllianceWithMembersForUser(
  allianceId: string,
  sub: string,
): Promise<{ loaded: AllianceWithMembers | undefined; userOrgId: string | undefined }> {
  const known = knownUserOrganisationId(sub);
  const [loaded, userOrgId] = await Promise.all([
    loadAlliancePartition(allianceId),
    known ?? loadUserOrganisationId(sub),
  ]);
  return { loaded, userOrgId };
}

/**
 * An alliance (head and content, no members) and, when `inspectorId` is given, whether a draw has
 * assigned that inspector to it (keys.inspectorAssignment): one consistent BatchGet, the
 * inspection staff's read check.
 */
export async function loadAllianceForInspection(
  allianceId: string,
  inspectorId?: string,
): Promise<{ alliance: StoredAlliance | undefined; assigned: boolean }> {
  if (inRequest()) {
    // In a request, the item collection once: the endpoint's own read of the partition comes from it.
    const loaded = await loadAlliancePartition(allianceId);
    const assignment = inspectorId && keys.inspectorAssignment(allianceId, inspectorId).sk;
    const items = assignment ? await queryPartition(keys.alliance(allianceId).pk) : [];
    return {
      alliance: loaded?.alliance as StoredAlliance | undefined,
      assigned: !assignment || items.some((i) => i.sk === assignment),
    };
  }
  if (!inspectorId) return { alliance: await loadAllianceItems(allianceId), assigned: true };
  const { alliance, extra } = await loadAllianceItemsWith(allianceId, [
    keys.inspectorAssignment(allianceId, inspectorId),
  ]);
  return { alliance, assigned: extra[0] !== undefined };
}

/** An alliance's head (status, version, name; no content, no members), or undefined. */
export const loadAlliance = (allianceId: string) => getRecord<AllianceHead>(keys.alliance(allianceId));

/** Alliances' heads by id, in the order of `allianceIds` (undefined where none): one BatchGet per 100. */
export async function loadAllianceHeads(allianceIds: string[]): Promise<(AllianceHead | undefined)[]> {
  const heads: (AllianceHead | undefined)[] = [];
  for (let i = 0; i < allianceIds.length; i += 100) {
    const items = await getItems(allianceIds.slice(i, i + 100).map((id) => keys.alliance(id)));
    heads.push(...items.map((item) => (item ? stripKeys<AllianceHead>(item) : undefined)));
  }
  return heads;
}

/** One page of a round's alliances (their heads), newest first. */
export const pageRoundAlliances = (roundId: string, cursor: string | undefined, limit: number) =>
  queryIndexPage<AllianceHead>('gsi1', indexKeys.roundAlliances(roundId), cursor, limit);

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

/** A new draft alliance: its head (listed under its round) and its content. */
export function alliancePuts(alliance: StoredAlliance): TxItem[] {
  const { head, content } = splitFields(Object.entries(alliance));
  return [
    {
      Put: {
        TableName: table(),
        Item: {
          ...keys.alliance(alliance.id),
          type: 'alliance',
          gsi1pk: indexKeys.roundAlliances(alliance.roundId),
          gsi1sk: `${alliance.createdAt}#${alliance.id}`,
          ...Object.fromEntries(head),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table(),
        Item: {
          ...keys.allianceContent(alliance.id),
          type: 'alliance-content',
          ...Object.fromEntries(content),
        },
      },
    },
  ];
}

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

/**
 * Sets fields of a draft at `version`, moving it to the next version: the head's update first (it
 * holds the condition: index 0 fails on a version conflict), then the content's, if any changed.
 */
export function draftContentUpdate(
  allianceId: string,
  version: number,
  fields: [string, unknown][],
  at: string,
): TxItem[] {
  const { head, content } = splitFields(fields);
  const sets = ['version = :next', 'updatedAt = :at'];
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':v': version,
    ':next': version + 1,
    ':at': at,
    ':draft': 'draft',
  };
  setExtra(Object.fromEntries(head), sets, names, values);
  const items: TxItem[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.alliance(allianceId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'version = :v AND #status = :draft',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
  if (content.length > 0) {
    const contentSets = ['#type = :type'];
    const contentNames: Record<string, string> = { '#type': 'type' };
    const contentValues: Record<string, unknown> = { ':type': 'alliance-content' };
    setExtra(Object.fromEntries(content), contentSets, contentNames, contentValues);
    items.push({
      Update: {
        TableName: table(),
        Key: keys.allianceContent(allianceId),
        UpdateExpression: `SET ${contentSets.join(', ')}`,
        ExpressionAttributeNames: contentNames,
        ExpressionAttributeValues: contentValues,
      },
    });
  }
  return items;
}
