/**
 * Organisation profiles, the user → organisation link (one per user) and the USCC claims that keep
 * a USCC unique across profiles. Reads by intent, and the transaction items that change them.
 */
import type { Organisation } from '../domain/model/organisation.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, getItems, getRecord } from './query.ts';
import { inRequest } from './request-scope.ts';
import { stripKeys, table } from './table.ts';

/**
 * The organisations users act for, as far as this container has read them. A user's link is
 * written once (userLinkPut: attribute_not_exists) and never changed or deleted, so a link once
 * read stays true: kept for the container's life (bounded), it saves the USER# read that came
 * before almost every applicant request (issue #14). A user with no link yet is never remembered.
 */
const userLinks = new Map<string, string>();
const USER_LINKS_KEPT = 10_000;

/** The organisation a user acts for when this container already knows it (no read), else undefined. */
export const knownUserOrganisationId = (sub: string): string | undefined => userLinks.get(sub);

/** Remembers a user's link (read or just written: it never changes). */
export function rememberUserLink(sub: string, orgId: string | undefined): void {
  if (!orgId) return;
  if (userLinks.size >= USER_LINKS_KEPT) userLinks.clear();
  userLinks.set(sub, orgId);
}

/** Forgets every remembered link (tests whose table is replaced under the same users). */
export const forgetUserLinks = () => userLinks.clear();

/** The organisation a user acts for, or undefined (read once per container: see userLinks). */
export async function loadUserOrganisationId(sub: string): Promise<string | undefined> {
  const known = userLinks.get(sub);
  if (known) return known;
  const orgId = (await getItem(keys.user(sub)))?.orgId as string | undefined;
  rememberUserLink(sub, orgId);
  return orgId;
}

export const loadOrganisation = (orgId: string) => getRecord<Organisation>(keys.organisation(orgId));

/**
 * Within an HTTP request: a round and an organisation profile in one consistent BatchGet, so the
 * reads of each by key that follow are answered from it (request-scope.ts). Outside one, nothing.
 */
export async function prefetchRoundAndOrganisation(roundId: string, orgId: string): Promise<void> {
  if (inRequest()) await getItems([keys.round(roundId), keys.organisation(orgId)]);
}

/** What a USCC claim says of its organisation: its id, and its kind and name when the claim carries them. */
export interface UsccDirectoryEntry {
  orgId: string;
  kind?: Organisation['kind'];
  name?: string;
}

/**
 * The USCC's claim, or undefined: the directory entry a lookup answers from (one GetItem). Claims
 * written before they carried kind and name (their organisation must then be read) have only orgId.
 */
export async function usccDirectoryEntry(uscc: string): Promise<UsccDirectoryEntry | undefined> {
  const item = await getItem(keys.uscc(uscc));
  if (!item || typeof item.orgId !== 'string') return undefined;
  return {
    orgId: item.orgId,
    ...(typeof item.kind === 'string' ? { kind: item.kind as Organisation['kind'] } : {}),
    ...(typeof item.name === 'string' ? { name: item.name } : {}),
  };
}

/**
 * Organisation profiles by id, in consistent BatchGets of 100 (query.ts getItems: unprocessed keys
 * retried; within a request, profiles it already read are not read again). `alsoRoundId` adds that
 * round to the first BatchGet, so a later read of it in the request is answered from it.
 */
export async function loadProfiles(
  organisationIds: string[],
  alsoRoundId?: string,
): Promise<Map<string, Organisation>> {
  const profiles = new Map<string, Organisation>();
  const ids = [...new Set(organisationIds)];
  const extra = alsoRoundId && inRequest() ? [keys.round(alsoRoundId)] : [];
  for (let i = 0; i < ids.length || (i === 0 && extra.length); i += 99) {
    const chunk = ids.slice(i, i + 99);
    const items = await getItems([...chunk.map((id) => keys.organisation(id)), ...(i === 0 ? extra : [])]);
    for (const item of items.slice(0, chunk.length))
      if (item) profiles.set(item.id as string, stripKeys<Organisation>(item));
  }
  return profiles;
}

/**
 * Links a user to the organisation it acts for; fails when the user already acts for one. Listed
 * under the organisation (gsi1: who to notify), with the sign-in name (the default address).
 */
export const userLinkPut = (sub: string, orgId: string, at: string, username?: string): TxItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.user(sub),
      type: 'user',
      sub,
      orgId,
      ...(username ? { username } : {}),
      createdAt: at,
      gsi1pk: indexKeys.organisationUsers(orgId),
      gsi1sk: sub,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

type ClaimOf = Pick<Organisation, 'id' | 'kind' | 'name'>;

/**
 * The USCC's claim, which is also the directory entry a lookup answers from (id, kind, name):
 * `new` claims it (fails when any organisation holds it), `refresh` rewrites the organisation's
 * own claim with its current name (fails when the claim is another's).
 */
const claimPut = (uscc: string, organisation: ClaimOf, mode: 'new' | 'refresh'): TxItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.uscc(uscc),
      type: 'uscc',
      orgId: organisation.id,
      kind: organisation.kind,
      name: organisation.name,
    },
    ...(mode === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'orgId = :orgId', ExpressionAttributeValues: { ':orgId': organisation.id } }),
  },
});

/** Claims a USCC for an organisation; fails when another organisation holds it. */
export const usccClaimPut = (uscc: string, organisation: ClaimOf): TxItem =>
  claimPut(uscc, organisation, 'new');

/** Rewrites the organisation's own claim with its current name (the USCC unchanged, the name changed). */
export const usccClaimRefresh = (uscc: string, organisation: ClaimOf): TxItem =>
  claimPut(uscc, organisation, 'refresh');

/** Gives up a USCC claim (the organisation's USCC changed). */
export const usccRelease = (uscc: string): TxItem => ({
  Delete: { TableName: table(), Key: keys.uscc(uscc) },
});

/** A new organisation profile. */
export const organisationCreatePut = (organisation: Organisation): TxItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.organisation(organisation.id), type: 'organisation', ...organisation },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A profile replaced by its next version; fails unless the stored one is at `expectedVersion`. */
export const organisationReplacePut = (organisation: Organisation, expectedVersion: number): TxItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.organisation(organisation.id), type: 'organisation', ...organisation },
    ConditionExpression: 'version = :v',
    ExpressionAttributeValues: { ':v': expectedVersion },
  },
});
