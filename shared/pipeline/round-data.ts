/** Reading a round's pipeline records: screening, reviewers, assignments, reviews, selection, objections. */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AllianceRecord, Member } from '../api/alliances.ts';
import type { EligibilityReport } from '../api/eligibility.ts';
import { documentClient } from '../aws/clients.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { stripKeys, table } from '../db/table.ts';

/** Every page of a Query. */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const inRound = (roundId: string, prefix: string) =>
  queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.round(roundId).pk, ':prefix': prefix },
    ConsistentRead: true,
  });

export interface ScreeningRecord {
  allianceId: string;
  roundId: string;
  name: string;
  findings: EligibilityReport;
  decision?: { outcome: 'pass' | 'reject'; reason: string; by: string; at: string };
}
export interface ReviewerRecord {
  roundId: string;
  reviewerId: string;
  name: string;
  title?: string;
  expertise: string[];
  affiliations: string[];
  conflicts: string[];
  registeredAt: string;
}
export interface AssignmentRecord {
  roundId: string;
  allianceId: string;
  reviewerId: string;
  status: 'assigned' | 'replaced';
  expertiseMatch: number;
  assignedAt: string;
  replacedReason?: string;
}
export interface ReviewRecord {
  roundId: string;
  allianceId: string;
  reviewerId: string;
  scores: Record<string, number>;
  comment: string;
  recommendation: string;
  submittedAt: string;
  version: number;
}

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

export async function loadScreenings(roundId: string): Promise<ScreeningRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.roundScreening(roundId) },
  });
  return items
    .map((i) => stripKeys<ScreeningRecord>(i))
    .sort((a, b) => a.allianceId.localeCompare(b.allianceId));
}

export async function loadScreening(allianceId: string): Promise<ScreeningRecord | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.screening(allianceId), ConsistentRead: true }),
  );
  return Item ? stripKeys<ScreeningRecord>(Item) : undefined;
}

export const loadReviewers = async (roundId: string) =>
  (await inRound(roundId, 'REVIEWER#')).map((i) => stripKeys<ReviewerRecord>(i));
export const loadAssignments = async (roundId: string) =>
  (await inRound(roundId, 'ASSIGN#')).map((i) => stripKeys<AssignmentRecord>(i));
export const loadReviews = async (roundId: string) =>
  (await inRound(roundId, 'REVIEW#')).map((i) => stripKeys<ReviewRecord>(i));

export async function loadAllianceWithMembers(
  allianceId: string,
): Promise<{ alliance: AllianceRecord; members: Member[] } | undefined> {
  const [alliance, members] = await Promise.all([
    documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.alliance(allianceId), ConsistentRead: true }),
    ),
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
      ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':member': 'MEMBER#' },
      ConsistentRead: true,
    }),
  ]);
  if (!alliance.Item) return undefined;
  return {
    alliance: stripKeys<AllianceRecord>(alliance.Item),
    members: members.map((m) => stripKeys<Member>(m)).sort((a, b) => a.invitedAt.localeCompare(b.invitedAt)),
  };
}

/** Requested programme funding of an alliance: Σ programmeFunds of its budget lines. */
export const requestedFunding = (alliance: AllianceRecord) =>
  (alliance.budgetLines ?? []).reduce((sum, line) => sum + line.programmeFunds, 0);
