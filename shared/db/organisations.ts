/**
 * Organisation profiles, the user → organisation link (one per user) and the USCC claims that keep
 * a USCC unique across profiles. Reads by intent, and the transaction items that change them.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import type { Organisation } from '../domain/model/organisation.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, getRecord } from './query.ts';
import { stripKeys, table } from './table.ts';

/** The organisation a user acts for, or undefined. */
export async function loadUserOrganisationId(sub: string): Promise<string | undefined> {
  return (await getItem(keys.user(sub)))?.orgId as string | undefined;
}

export const loadOrganisation = (orgId: string) => getRecord<Organisation>(keys.organisation(orgId));

/** The id of the organisation holding a USCC, or undefined. */
export async function organisationIdByUscc(uscc: string): Promise<string | undefined> {
  return (await getItem(keys.uscc(uscc)))?.orgId as string | undefined;
}

/** Organisation profiles by id, in BatchGets of 100 (unprocessed keys retried). */
export async function loadProfiles(organisationIds: string[]): Promise<Map<string, Organisation>> {
  const profiles = new Map<string, Organisation>();
  const ids = [...new Set(organisationIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: ids.slice(i, i + 100).map((id) => keys.organisation(id)) },
    };
    while (request && Object.keys(request).length) {
      const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table()] ?? [])
        profiles.set(item.id as string, stripKeys<Organisation>(item));
      request = out.UnprocessedKeys as typeof request;
    }
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

/** Claims a USCC for an organisation; fails when another organisation holds it. */
export const usccClaimPut = (uscc: string, orgId: string): TxItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.uscc(uscc), type: 'uscc', orgId },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

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
