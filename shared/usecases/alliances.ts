/**
 * Alliances: a draft created by a member organisation in an open round, further enterprises and
 * societies invited and confirming, content edited with optimistic versions, the eligibility
 * dry run, submission (which runs the rules again) and withdrawal. Every change writes its audit
 * record in the same transaction. Only member applicants and admins can see or change an alliance;
 * to anyone else it does not exist (404).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AllianceContent, AllianceRecord, AllianceStatus, Member } from '../api/alliances.ts';
import type { DocumentRecord } from '../api/documents.ts';
import type { EligibilityReport } from '../api/eligibility.ts';
import type { Round } from '../api/rounds.ts';
import { documentClient } from '../aws/clients.ts';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { loadAllianceWithMembers } from '../db/alliances.ts';
import { auditPut, auditTrail, userActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { conditionFailed, decodeCursor, encodeCursor, stripKeys, table } from '../db/table.ts';
import { listDocuments } from '../documents/uploads.ts';
import { evaluateEligibility } from '../domain/eligibility.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, conflict, forbidden, notFound, versionConflict } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import { loadOrganisation, loadProfiles, organisationIdOf, requireOwnOrganisation } from './organisations.ts';
import { getRound, loadRound } from './rounds.ts';

const isAdmin = (p: Principal) => p.roles.includes('admin');

interface StatusChange {
  status: AllianceStatus;
  at: string;
  by: string;
  reason?: string;
}
type StoredAlliance = AllianceRecord & { statusHistory: StatusChange[] };

export interface AllianceView {
  alliance: StoredAlliance;
  members: Member[];
  /** The caller's organisation when it is a member (undefined for admins acting as such). */
  callerOrgId?: string;
}

const byWhom = (p: Principal) => `${p.username} (${p.sub})`;

async function loadParts(allianceId: string) {
  const loaded = await loadAllianceWithMembers(allianceId);
  return loaded && { alliance: loaded.alliance as StoredAlliance, members: loaded.members };
}

/**
 * Loads an alliance for a caller. Admins always; applicants when their organisation is a member
 * (invited or confirmed). `confirmedOnly` demands a confirmed member (for changes).
 */
export async function accessAlliance(
  principal: Principal,
  allianceId: string,
  options: { confirmedOnly?: boolean } = {},
): Promise<AllianceView> {
  const [parts, orgId] = await Promise.all([
    loadParts(allianceId),
    isAdmin(principal) ? Promise.resolve(undefined) : organisationIdOf(principal),
  ]);
  if (!parts) throw notFound(`alliance ${allianceId}`);
  if (isAdmin(principal)) return { ...parts };
  const membership = parts.members.find((m) => m.organisationId === orgId && m.state !== 'declined');
  if (!membership) throw notFound(`alliance ${allianceId}`);
  if (options.confirmedOnly && membership.state !== 'confirmed') {
    throw forbidden({
      en: 'change an alliance before your organisation has confirmed its membership',
      zh: '在本单位确认加入联盟之前修改联盟',
    });
  }
  return { ...parts, callerOrgId: orgId };
}

function requireDraft(alliance: StoredAlliance) {
  if (alliance.status !== 'draft')
    throw conflict({
      en: `alliance ${alliance.id} is ${alliance.status}; only a draft can be changed`,
      zh: `联盟 ${alliance.id} 当前状态为 ${alliance.status}，只有草稿可以修改`,
    });
}

function requireVersion(alliance: StoredAlliance, version: number) {
  if (alliance.version !== version) throw versionConflict(version);
}

export function present(view: AllianceView) {
  return { ...view.alliance, members: view.members };
}

export async function createAlliance(
  principal: Principal,
  input: AllianceContent & { roundId: string; name: string },
  now = new Date(),
) {
  const orgId = await requireOwnOrganisation(principal);
  const [round, organisation] = await Promise.all([loadRound(input.roundId), loadOrganisation(orgId)]);
  if (!round) throw notFound(`round ${input.roundId}`);
  if (!organisation) throw notFound(`organisation ${orgId}`);
  if (round.status !== 'open' || now.getTime() > Date.parse(round.applicationWindow.closesAt)) {
    throw conflict({
      en: `round ${round.id} no longer accepts applications`,
      zh: `申报批次 ${round.id} 已不再接受申报`,
    });
  }
  const at = now.toISOString();
  const id = `a-${randomUUID()}`;
  const { roundId, ...content } = input;
  const alliance: StoredAlliance = {
    ...content,
    id,
    roundId,
    status: 'draft',
    version: 1,
    createdBy: orgId,
    statusHistory: [{ status: 'draft', at, by: byWhom(principal) }],
    createdAt: at,
    updatedAt: at,
  };
  const member: Member = {
    organisationId: orgId,
    kind: organisation.kind,
    name: organisation.name,
    state: 'confirmed',
    invitedAt: at,
    respondedAt: at,
  };
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: {
              ...keys.alliance(id),
              type: 'alliance',
              gsi1pk: indexKeys.roundAlliances(roundId),
              gsi1sk: `${at}#${id}`,
              ...alliance,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: {
              ...keys.member(id, orgId),
              type: 'member',
              gsi2pk: indexKeys.orgAlliances(orgId),
              gsi2sk: `${at}#${id}`,
              allianceId: id,
              ...member,
            },
          },
        },
        auditPut(
          table(),
          keys.alliance(id).pk,
          {
            action: 'alliance.created',
            actor: userActor(principal),
            reason: `draft created by ${organisation.name}`,
            data: { roundId, organisationId: orgId },
          },
          now,
        ),
      ],
    }),
  );
  return { ...alliance, members: [member] };
}

export async function updateAlliance(
  principal: Principal,
  allianceId: string,
  patch: AllianceContent & { version: number },
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: true });
  requireDraft(view.alliance);
  const { version, ...fields } = patch;
  requireVersion(view.alliance, version);
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return present(view);
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':v': version,
    ':next': version + 1,
    ':at': now.toISOString(),
    ':draft': 'draft',
  };
  const sets = ['version = :next', 'updatedAt = :at'];
  entries.forEach(([key, value], i) => {
    names[`#f${i}`] = key;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
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
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: 'alliance.updated',
              actor: userActor(principal),
              data: { version: version + 1, fields: entries.map(([k]) => k) },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0)) throw versionConflict(version);
    throw error;
  }
  return present(await accessAlliance(principal, allianceId));
}

/** Membership changes bump the alliance's version, so a submission based on an older view fails. */
function bumpVersion(allianceId: string, at: string) {
  return {
    Update: {
      TableName: table(),
      Key: keys.alliance(allianceId),
      UpdateExpression: 'SET version = version + :one, updatedAt = :at',
      ConditionExpression: '#status = :draft',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':at': at, ':draft': 'draft' },
    },
  };
}

export async function inviteMember(
  principal: Principal,
  allianceId: string,
  organisationId: string,
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: true });
  requireDraft(view.alliance);
  const existing = view.members.find((m) => m.organisationId === organisationId);
  if (existing && existing.state !== 'declined')
    throw conflict({
      en: `organisation ${organisationId} is already ${existing.state}`,
      zh: `单位 ${organisationId} 已处于 ${existing.state} 状态`,
    });
  const organisation = await loadOrganisation(organisationId);
  if (!organisation) throw notFound(`organisation ${organisationId}`);
  const at = now.toISOString();
  const member: Member = {
    organisationId,
    kind: organisation.kind,
    name: organisation.name,
    state: 'invited',
    invitedBy: view.callerOrgId ?? 'admin',
    invitedAt: at,
  };
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          bumpVersion(allianceId, at),
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.member(allianceId, organisationId),
                type: 'member',
                gsi2pk: indexKeys.orgAlliances(organisationId),
                gsi2sk: `${at}#${allianceId}`,
                allianceId,
                ...member,
              },
              // Only a new member, or one that declined earlier, can be invited.
              ConditionExpression: 'attribute_not_exists(pk) OR #state = :declined',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':declined': 'declined' },
            },
          },
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: 'alliance.member-invited',
              actor: userActor(principal),
              reason: `${organisation.name} (${organisation.kind}) invited`,
              data: { organisationId },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0))
      throw conflict({
        en: `alliance ${allianceId} is no longer a draft`,
        zh: `联盟 ${allianceId} 已不是草稿`,
      });
    if (conditionFailed(error, 1))
      throw conflict({
        en: `organisation ${organisationId} is already a member`,
        zh: `单位 ${organisationId} 已是联盟成员`,
      });
    throw error;
  }
  return present(await accessAlliance(principal, allianceId));
}

/** The invited organisation's applicant confirms or declines its membership. */
export async function respondToInvitation(
  principal: Principal,
  allianceId: string,
  organisationId: string,
  answer: 'confirmed' | 'declined',
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId);
  if (view.callerOrgId !== organisationId) {
    throw forbidden({
      en: `answer for organisation ${organisationId}: only its own applicants can`,
      zh: `代单位 ${organisationId} 答复邀请（只有该单位的申报人可以答复）`,
    });
  }
  requireDraft(view.alliance);
  const at = now.toISOString();
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          bumpVersion(allianceId, at),
          {
            Update: {
              TableName: table(),
              Key: keys.member(allianceId, organisationId),
              UpdateExpression: 'SET #state = :answer, respondedAt = :at',
              ConditionExpression: '#state = :invited',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':answer': answer, ':at': at, ':invited': 'invited' },
            },
          },
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: answer === 'confirmed' ? 'alliance.member-confirmed' : 'alliance.member-declined',
              actor: userActor(principal),
              data: { organisationId },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0))
      throw conflict({
        en: `alliance ${allianceId} is no longer a draft`,
        zh: `联盟 ${allianceId} 已不是草稿`,
      });
    if (conditionFailed(error, 1))
      throw conflict({
        en: `organisation ${organisationId} has no open invitation to answer`,
        zh: `单位 ${organisationId} 没有待答复的邀请`,
      });
    throw error;
  }
  return present(await accessAlliance(principal, allianceId));
}

async function evaluate(
  view: AllianceView,
  now: Date,
): Promise<{ report: EligibilityReport; round: Round; documents: DocumentRecord[] }> {
  // R1 (§4.4): the overdue reports of each confirmed member's other alliances — its alliances from
  // its member items (gsi2 ORG#<id>#ALLIANCES), then each alliance's DEADLINE# items still overdue.
  const queryAll = async (input: ConstructorParameters<typeof QueryCommand>[0]) => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const overdueOf = async (organisationId: string) => {
    const memberships = await queryAll({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.orgAlliances(organisationId) },
    });
    const allianceIds = [
      ...new Set(
        memberships
          .filter((m) => m.state === 'confirmed' && m.allianceId !== view.alliance.id)
          .map((m) => m.allianceId as string),
      ),
    ];
    const lists = await Promise.all(
      allianceIds.map((allianceId) =>
        queryAll({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          // Reports only (annual and completion), not other deadlines such as inspection follow-ups.
          FilterExpression: '#status = :overdue AND #kind IN (:annual, :completion)',
          ExpressionAttributeNames: { '#status': 'status', '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':pk': keys.allianceDeadlines(allianceId).pk,
            ':prefix': keys.allianceDeadlines(allianceId).skPrefix,
            ':overdue': 'overdue',
            ':annual': 'annual-report',
            ':completion': 'completion-report',
          },
        }),
      ),
    );
    return lists.flat().map((d) => ({
      organisationId,
      allianceId: d.allianceId as string,
      kind: d.kind as string,
      due: d.due as string,
    }));
  };
  const confirmedIds = view.members.filter((m) => m.state === 'confirmed').map((m) => m.organisationId);
  const [round, profiles, documents, overdueReports] = await Promise.all([
    getRound(view.alliance.roundId),
    loadProfiles(view.members.map((m) => m.organisationId)),
    listDocuments(view.alliance.id),
    Promise.all(confirmedIds.map(overdueOf)).then((lists) => lists.flat()),
  ]);
  const report = evaluateEligibility({
    alliance: view.alliance,
    members: view.members.map((member) => ({ member, profile: profiles.get(member.organisationId) })),
    round,
    documents,
    now,
    overdueReports,
  });
  return { report, round, documents };
}

export async function checkEligibility(principal: Principal, allianceId: string, now = new Date()) {
  const view = await accessAlliance(principal, allianceId);
  return (await evaluate(view, now)).report;
}

function ruleViolation(report: EligibilityReport): ApiError {
  const failed = report.results.filter((r) => !r.passed);
  return new ApiError(422, 'rule_violation', { rules: report.failing.join(', ') }, (lang: Lang) =>
    failed.map((r) => ({
      path: r.subject.organisationId ? `rules.${r.id}.${r.subject.organisationId}` : `rules.${r.id}`,
      code: r.id,
      message: r.message[lang],
      clause: r.clause,
      subject: r.subject,
      values: r.values,
    })),
  );
}

export async function submitAlliance(
  principal: Principal,
  allianceId: string,
  version: number,
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) });
  requireDraft(view.alliance);
  requireVersion(view.alliance, version);
  const { report } = await evaluate(view, now);
  if (!report.eligible) throw ruleViolation(report);
  await changeStatus(principal, view.alliance, version, 'submitted', now, {
    reason: 'all eligibility rules passed',
    data: { rules: report.results.length, checkedAt: report.checkedAt },
    extraSet: { submittedAt: now.toISOString() },
  });
  return present(await accessAlliance(principal, allianceId));
}

export async function withdrawAlliance(
  principal: Principal,
  allianceId: string,
  version: number,
  reason: string,
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) });
  if (!['draft', 'submitted'].includes(view.alliance.status)) {
    throw conflict({
      en: `alliance ${allianceId} is ${view.alliance.status}`,
      zh: `联盟 ${allianceId} 当前状态为 ${view.alliance.status}`,
    });
  }
  requireVersion(view.alliance, version);
  const round = await getRound(view.alliance.roundId);
  if (round.status !== 'open')
    throw conflict({
      en: `round ${round.id} has closed: ask the programme office to withdraw`,
      zh: `申报批次 ${round.id} 已截止，如需撤回请联系科协业务部门`,
    });
  await changeStatus(principal, view.alliance, version, 'withdrawn', now, { reason });
  return present(await accessAlliance(principal, allianceId));
}

async function changeStatus(
  principal: Principal,
  alliance: StoredAlliance,
  version: number,
  status: AllianceStatus,
  now: Date,
  options: { reason?: string; data?: Record<string, unknown>; extraSet?: Record<string, unknown> },
) {
  const at = now.toISOString();
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          allianceStatusUpdate({
            allianceId: alliance.id,
            to: status,
            from: [alliance.status],
            at,
            by: byWhom(principal),
            expectedVersion: version,
            ...(options.reason ? { reason: options.reason } : {}),
            ...(options.extraSet ? { set: options.extraSet } : {}),
          }),
          auditPut(
            table(),
            keys.alliance(alliance.id).pk,
            {
              action: `alliance.${status}`,
              actor: userActor(principal),
              ...(options.reason ? { reason: options.reason } : {}),
              data: { from: alliance.status, to: status, version: version + 1, ...options.data },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0)) throw versionConflict(version);
    throw error;
  }
}

export async function getAlliance(principal: Principal, allianceId: string) {
  return present(await accessAlliance(principal, allianceId));
}

/** Applicants: their organisation's alliances. Admins: the alliances of a round. */
export async function listAlliances(
  principal: Principal,
  query: { roundId?: string; cursor?: string; limit: number },
) {
  let params: { IndexName: string; pkName: string; pk: string };
  if (isAdmin(principal)) {
    if (!query.roundId) {
      throw new ApiError(400, 'validation_failed', { summary: 'query.roundId: required for admins' }, [
        { path: 'query.roundId', code: 'required', message: 'admins list the alliances of one round' },
      ]);
    }
    params = { IndexName: 'gsi1', pkName: 'gsi1pk', pk: indexKeys.roundAlliances(query.roundId) };
  } else {
    const orgId = await requireOwnOrganisation(principal);
    params = { IndexName: 'gsi2', pkName: 'gsi2pk', pk: indexKeys.orgAlliances(orgId) };
  }
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: params.IndexName,
      KeyConditionExpression: `${params.pkName} = :pk`,
      ExpressionAttributeValues: { ':pk': params.pk },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, params.pk, params.pkName),
    }),
  );
  const items = out.Items ?? [];
  const summaries = isAdmin(principal)
    ? items.map((a) => ({
        id: a.id,
        roundId: a.roundId,
        name: a.name,
        status: a.status,
        version: a.version,
        updatedAt: a.updatedAt,
      }))
    : await Promise.all(
        items
          .filter((m) => m.state !== 'declined')
          .map(async (m) => {
            const { Item } = await documentClient().send(
              new GetCommand({ TableName: table(), Key: keys.alliance(m.allianceId as string) }),
            );
            return Item
              ? {
                  id: Item.id,
                  roundId: Item.roundId,
                  name: Item.name,
                  status: Item.status,
                  version: Item.version,
                  updatedAt: Item.updatedAt,
                  membership: m.state,
                }
              : undefined;
          }),
      ).then((list) => list.filter((x) => x !== undefined));
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return { items: summaries, ...(nextCursor ? { nextCursor } : {}) };
}

export async function allianceHistory(
  principal: Principal,
  allianceId: string,
  cursor: string | undefined,
  limit: number,
) {
  await accessAlliance(principal, allianceId);
  return auditTrail(keys.alliance(allianceId).pk, cursor, limit);
}

/** The award and dedicated account of a designated alliance (members, admins and inspectors). */
export async function getAward(principal: Principal, allianceId: string) {
  if (principal.roles.includes('inspector') && !isAdmin(principal)) {
    const parts = await loadParts(allianceId);
    if (!parts) throw notFound(`alliance ${allianceId}`);
  } else {
    await accessAlliance(principal, allianceId);
  }
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.award(allianceId), ConsistentRead: true }),
  );
  if (!Item) throw notFound(`an award of alliance ${allianceId}`);
  const deadlines = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':prefix': 'DEADLINE#' },
    }),
  );
  return { ...stripKeys(Item), deadlines: (deadlines.Items ?? []).map((d) => stripKeys(d)) };
}
