/**
 * Free pairing items: needs (pk NEED#<id>, sk NEED; gsi1 NEEDS#<status> by createdAt, gsi2 the
 * enterprise's needs), their interests (same partition, sk INTEREST#<id>, with one INTERESTBY#<society>
 * guard per society), and capabilities (pk ORG#<id>, sk CAPABILITY; gsi1 CAPABILITIES).
 * Listing open needs is a Query of gsi1 NEEDS#open, never a Scan.
 */
import type { Capability, Interest, Need, NeedStatus } from '../domain/pairing.ts';
import { auditPut } from './audit.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getRecord, queryIndex, queryIndexPage, queryPrefix } from './query.ts';
import { stripKeys, table } from './table.ts';

export const loadNeed = (needId: string) => getRecord<Need>(keys.need(needId));

/** One page of the needs in a status, newest first. */
export const pageNeedsByStatus = (status: NeedStatus, cursor: string | undefined, limit: number) =>
  queryIndexPage<Need>('gsi1', indexKeys.needsByStatus(status), cursor, limit);

/** Every need of a status (for ranking needs against a capability). */
export const needsByStatus = (status: NeedStatus) =>
  queryIndex<Need>('gsi1', indexKeys.needsByStatus(status));

/** Every need an enterprise published. */
export const orgNeeds = (orgId: string) => queryIndex<Need>('gsi2', indexKeys.orgNeeds(orgId));

const needItem = (need: Need) => ({
  ...keys.need(need.id),
  type: 'need',
  gsi1pk: indexKeys.needsByStatus(need.status),
  gsi1sk: `${need.createdAt}#${need.id}`,
  gsi2pk: indexKeys.orgNeeds(need.organisationId),
  gsi2sk: `${need.createdAt}#${need.id}`,
  ...need,
});

/** A new need. */
export const needCreatePut = (need: Need): TxItem => ({
  Put: { TableName: table(), Item: needItem(need), ConditionExpression: 'attribute_not_exists(pk)' },
});

/** A need rewritten at `previousVersion + 1` (fails when stale). */
export const needReplacePut = (need: Need, previousVersion: number): TxItem => ({
  Put: {
    TableName: table(),
    Item: needItem(need),
    ConditionExpression: 'attribute_exists(pk) AND version = :v',
    ExpressionAttributeValues: { ':v': previousVersion },
  },
});

export const needAudit = (needId: string, entry: Parameters<typeof auditPut>[1], now = new Date()) =>
  auditPut(keys.need(needId).pk, entry, now);

export const loadInterest = (needId: string, interestId: string) =>
  getRecord<Interest>(keys.interest(needId, interestId));

/** Every interest in a need, oldest first. */
export async function needInterests(needId: string): Promise<Interest[]> {
  const { pk, skPrefix } = keys.needInterests(needId);
  return (await queryPrefix(pk, skPrefix)).map((i) => stripKeys<Interest>(i));
}

/** The id of a society's interest in a need, or undefined. */
export async function interestIdBy(needId: string, societyId: string): Promise<string | undefined> {
  return (await getRecord<{ interestId: string }>(keys.interestBy(needId, societyId)))?.interestId;
}

/** A new interest, with its one-per-society guard (the guard fails when the society already has one). */
export const interestPuts = (interest: Interest): TxItem[] => [
  {
    Put: {
      TableName: table(),
      Item: {
        ...keys.interestBy(interest.needId, interest.societyId),
        type: 'interest-by',
        interestId: interest.id,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  {
    Put: {
      TableName: table(),
      Item: { ...keys.interest(interest.needId, interest.id), type: 'interest', ...interest },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
];

/** The enterprise's answer to a pending interest (fails unless still pending). */
export const interestAnswerUpdate = (
  needId: string,
  interestId: string,
  answer: 'accepted' | 'declined',
  at: string,
  by: string,
  allianceId?: string,
): TxItem => ({
  Update: {
    TableName: table(),
    Key: keys.interest(needId, interestId),
    UpdateExpression: `SET #state = :answer, respondedAt = :at, respondedBy = :by${allianceId ? ', allianceId = :a' : ''}`,
    ConditionExpression: '#state = :pending',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: {
      ':answer': answer,
      ':at': at,
      ':by': by,
      ':pending': 'pending',
      ...(allianceId ? { ':a': allianceId } : {}),
    },
  },
});

export const loadCapability = (orgId: string) => getRecord<Capability>(keys.capability(orgId));

/** Every capability profile. */
export const allCapabilities = () => queryIndex<Capability>('gsi1', indexKeys.capabilities());

/** A capability written at `version` (the previous version must be `version − 1`, or absent for 1). */
export const capabilityPut = (capability: Capability): TxItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.capability(capability.organisationId),
      type: 'capability',
      gsi1pk: indexKeys.capabilities(),
      gsi1sk: capability.organisationId,
      ...capability,
    },
    ...(capability.version === 1
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': capability.version - 1 },
        }),
  },
});

export const capabilityAudit = (orgId: string, entry: Parameters<typeof auditPut>[1], now = new Date()) =>
  auditPut(keys.organisation(orgId).pk, entry, now);

/** One more active alliance on a society's capability profile (an accepted interest). */
export const capabilityLoadBump = (orgId: string): TxItem => ({
  Update: {
    TableName: table(),
    Key: keys.capability(orgId),
    UpdateExpression: 'ADD activeAlliances :one',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':one': 1 },
  },
});
