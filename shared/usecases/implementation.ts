/**
 * Implementation (§4.3): a designated alliance's plan — milestones with dates and periodic
 * assessment indicators with targets — kept with every earlier version, and the end of the
 * alliance: closed as completed once its completion report is accepted, or terminated early; the
 * dedicated account freezes either way.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { PlanContentSchema } from '../api/implementation.ts';
import { documentClient } from '../aws/clients.ts';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { loadAllianceWithMembers } from '../db/alliances.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { keys } from '../db/keys.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import type { Principal } from '../http/auth.ts';
import { conflict, forbidden, notFound, versionConflict } from '../http/errors.ts';
import { accessAlliance } from './alliances.ts';

type PlanContent = z.output<typeof PlanContentSchema>;
interface PlanRecord extends PlanContent {
  allianceId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  history: { version: number; at: string; by: string; reason: string }[];
}

const isAdmin = (p: Principal) => p.roles.includes('admin');
const isInspector = (p: Principal) => p.roles.includes('inspector');

/** Members and admins through the alliance's own rules; inspectors for any designated alliance. */
async function readable(principal: Principal, allianceId: string) {
  if (isInspector(principal) && !isAdmin(principal)) {
    const loaded = await loadAllianceWithMembers(allianceId);
    if (!loaded || !['designated', 'completed', 'terminated'].includes(loaded.alliance.status))
      throw notFound(`alliance ${allianceId}`);
    return loaded.alliance;
  }
  return (await accessAlliance(principal, allianceId)).alliance;
}

/** The plan; the first read of a designated alliance's plan starts it from the application's work plan. */
export async function getPlan(
  principal: Principal,
  allianceId: string,
  now = new Date(),
): Promise<PlanRecord> {
  const alliance = await readable(principal, allianceId);
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.plan(allianceId), ConsistentRead: true }),
  );
  if (Item) return stripKeys<PlanRecord>(Item);
  if (!['designated', 'completed', 'terminated'].includes(alliance.status)) {
    throw notFound(`an implementation plan of alliance ${allianceId} (it starts at designation)`);
  }
  const at = now.toISOString();
  const plan: PlanRecord = {
    allianceId,
    milestones: (alliance.workPlan ?? []).map((m, i) => ({
      id: `m${i + 1}`,
      title: m.milestone,
      due: m.due,
      status: 'planned' as const,
    })),
    indicators: (alliance.indicators ?? []).map((x) => ({
      id: x.id,
      name: x.name,
      target: x.target,
      ...(x.unit ? { unit: x.unit } : {}),
      ...(x.due ? { due: x.due } : {}),
    })),
    version: 1,
    updatedAt: at,
    updatedBy: 'designation',
    history: [{ version: 1, at, by: 'designation', reason: "the application's work plan and indicators" }],
  };
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.plan(allianceId), type: 'plan', ...plan },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    const { Item: raced } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.plan(allianceId), ConsistentRead: true }),
    );
    return stripKeys<PlanRecord>(raced!);
  }
  return plan;
}

export async function updatePlan(
  principal: Principal,
  allianceId: string,
  input: PlanContent & { version: number; reason: string },
  now = new Date(),
): Promise<PlanRecord> {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) });
  if (view.alliance.status !== 'designated')
    throw conflict(
      `alliance ${allianceId} is ${view.alliance.status}; only a designated alliance's plan can change`,
    );
  const current = await getPlan(principal, allianceId, now);
  if (current.version !== input.version) throw versionConflict(input.version);
  const at = now.toISOString();
  const by = `${principal.username} (${principal.sub})`;
  const { version, reason, ...content } = input;
  const next: PlanRecord = {
    allianceId,
    ...content,
    version: version + 1,
    updatedAt: at,
    updatedBy: by,
    history: [...current.history, { version: version + 1, at, by, reason }],
  };
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...keys.plan(allianceId), type: 'plan', ...next },
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': version },
            },
          },
          {
            // The version being replaced is kept as it was.
            Put: {
              TableName: table(),
              Item: { ...keys.planVersion(allianceId, current.version), type: 'plan-version', ...current },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: 'plan.updated',
              actor: userActor(principal),
              reason,
              data: { version: version + 1 },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) throw versionConflict(version);
    throw error;
  }
  return next;
}

export async function getPlanVersion(principal: Principal, allianceId: string, version: number) {
  const current = await getPlan(principal, allianceId);
  if (version === current.version) return current;
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.planVersion(allianceId, version) }),
  );
  if (!Item) throw notFound(`version ${version} of the plan of alliance ${allianceId}`);
  return stripKeys<PlanRecord>(Item);
}

/** An admin ends a designated alliance: completed (its completion report accepted) or terminated early. */
export async function closeAlliance(
  principal: Principal,
  allianceId: string,
  input: { outcome: 'completed' | 'terminated'; reason: string },
  now = new Date(),
) {
  if (!isAdmin(principal)) throw forbidden({ en: 'close an alliance', zh: '结束联盟' });
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) throw notFound(`alliance ${allianceId}`);
  if (loaded.alliance.status !== 'designated')
    throw conflict({
      en: `alliance ${allianceId} is ${loaded.alliance.status}, not designated`,
      zh: `联盟 ${allianceId} 当前状态为 ${loaded.alliance.status}，不是已立项联盟`,
    });
  if (input.outcome === 'completed') {
    const deadlines = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':prefix': 'DEADLINE#' },
        ConsistentRead: true,
      }),
    );
    const completion = (deadlines.Items ?? []).find((d) => d.kind === 'completion-report');
    if (completion?.status !== 'accepted') {
      throw conflict(
        `the completion report is ${String(completion?.status ?? 'missing')}, not accepted: close as completed after accepting it, or terminate with a reason`,
      );
    }
  }
  const at = now.toISOString();
  const by = `${principal.username} (${principal.sub})`;
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          allianceStatusUpdate({
            allianceId,
            to: input.outcome,
            from: ['designated'],
            at,
            by,
            reason: input.reason,
            set: { closedAt: at },
          }),
          {
            // The dedicated account freezes: every ledger write requires ledger.status = open.
            Update: {
              TableName: table(),
              Key: keys.award(allianceId),
              UpdateExpression: 'SET ledger.#status = :frozen, ledger.frozenAt = :at',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':frozen': 'frozen', ':at': at },
            },
          },
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: `alliance.${input.outcome}`,
              actor: userActor(principal),
              reason: input.reason,
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) throw conflict(`alliance ${allianceId} changed meanwhile`);
    throw error;
  }
  return { allianceId, status: input.outcome };
}
