/**
 * Free pairing (自由组合): needs published by enterprises, capability profiles published by
 * societies, and the suggested partners (shared/domain/pairing.ts for the ranking and its formula).
 *
 * Who sees what: every signed-in user sees open needs and capability profiles; a need's contact
 * only its enterprise, admins and a society whose interest was accepted; a need that is no longer
 * open only those and the societies that expressed interest (to anyone else it does not exist).
 */
import { randomUUID } from 'node:crypto';
import { loadAlliance, orgMemberships } from '../db/alliances.ts';
import { commit } from '../db/commit.ts';
import {
  allCapabilities,
  capabilityAudit,
  capabilityPut,
  interestIdBy,
  loadCapability,
  loadInterest,
  loadNeed,
  needAudit,
  needCreatePut,
  needReplacePut,
  needsByStatus,
  pageNeedsByStatus,
} from '../db/pairing.ts';
import { isAdmin, type Principal, userActor } from '../domain/actors.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../domain/errors.ts';
import type { AllianceStatus } from '../domain/model/alliance.ts';
import {
  type Capability,
  canMove,
  FREE_ALLIANCES,
  type Need,
  type NeedStatus,
  needProblems,
  needView,
  rankCapabilities,
  rankNeeds,
} from '../domain/pairing.ts';
import type { Text } from '../domain/text.ts';
import { loadOrganisation, organisationIdOf, requireOwnOrganisation } from './organisations.ts';

export const needNoun = (id: string): Text => ({ en: `need ${id}`, zh: `技术需求 ${id}` });
export const capabilityNoun = (id: string): Text => ({
  en: `capability profile ${id}`,
  zh: `学会能力档案 ${id}`,
});

export type NeedInput = Pick<
  Need,
  'title' | 'description' | 'sector' | 'serviceTypes' | 'budget' | 'period' | 'contactPreference'
> & { roundId?: string | undefined };

export type CapabilityInput = Pick<
  Capability,
  'summary' | 'fields' | 'serviceTypes' | 'experts' | 'pastServices'
> & {
  version?: number | undefined;
};

const problemText: Record<string, Text> = {
  'budget-range': { en: 'the budget minimum is above its maximum', zh: '预算下限高于上限' },
  'period-order': { en: 'the period ends before it starts', zh: '合作期限的结束日期早于开始日期' },
  'service-types': { en: 'name one or more service types 1–7', zh: '请选择一项或多项服务类型（1–7）' },
};

function checkNeed(input: Pick<Need, 'budget' | 'period' | 'serviceTypes'>) {
  const [first] = needProblems(input);
  if (first) {
    const path = first === 'budget-range' ? 'budget' : first === 'period-order' ? 'period' : 'serviceTypes';
    throw invalid(path, problemText[first]!);
  }
}

/** The caller's organisation when it is of `kind` (403 otherwise). */
export async function requireOwnKind(principal: Principal, kind: 'enterprise' | 'society') {
  const orgId = await requireOwnOrganisation(principal);
  const organisation = await loadOrganisation(orgId);
  if (!organisation || organisation.kind !== kind) {
    throw forbidden(
      kind === 'enterprise'
        ? { en: 'publish a need: only an enterprise can', zh: '发布技术需求（只有企业可以发布）' }
        : { en: 'act for a society: only a society can', zh: '以学会身份操作（只有学会可以）' },
    );
  }
  return organisation;
}

export async function createNeed(principal: Principal, input: NeedInput, now = new Date()) {
  checkNeed(input);
  const organisation = await requireOwnKind(principal, 'enterprise');
  const at = now.toISOString();
  const need: Need = {
    ...input,
    id: `n-${randomUUID()}`,
    organisationId: organisation.id,
    enterpriseName: organisation.name,
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await commit([
    needCreatePut(need),
    needAudit(
      need.id,
      { action: 'need.created', actor: userActor(principal), data: { organisationId: organisation.id } },
      now,
    ),
  ]);
  return need;
}

/** How the caller stands to a need: owner (its enterprise), admin, accepted (its society's interest accepted). */
export async function needAccess(principal: Principal, needId: string) {
  const [need, orgId] = await Promise.all([
    loadNeed(needId),
    isAdmin(principal) ? Promise.resolve(undefined) : organisationIdOf(principal),
  ]);
  if (!need) throw notFound(needNoun(needId));
  const admin = isAdmin(principal);
  const owner = orgId !== undefined && orgId === need.organisationId;
  let interestState: string | undefined;
  if (!admin && !owner && orgId) {
    const interestId = await interestIdBy(needId, orgId);
    if (interestId) interestState = (await loadInterest(needId, interestId))?.state;
  }
  const accepted = interestState === 'accepted';
  if (!admin && !owner && need.status !== 'open' && interestState === undefined)
    throw notFound(needNoun(needId));
  return { need, orgId, admin, owner, accepted, showContact: admin || owner || accepted };
}

export async function getNeed(principal: Principal, needId: string) {
  const access = await needAccess(principal, needId);
  return needView(access.need, access.showContact);
}

/** Open needs, newest first (a Query of the open-needs index); contacts only on the caller's own. */
export async function listNeeds(
  principal: Principal,
  query: { status?: NeedStatus | undefined; cursor?: string | undefined; limit: number },
) {
  const orgId = isAdmin(principal) ? undefined : await organisationIdOf(principal);
  const status = query.status ?? 'open';
  if (status !== 'open' && !isAdmin(principal))
    throw forbidden({ en: 'list needs that are not open', zh: '查看非公开状态的技术需求列表' });
  const page = await pageNeedsByStatus(status, query.cursor, query.limit);
  return {
    ...page,
    items: page.items.map((n) => needView(n, isAdmin(principal) || n.organisationId === orgId)),
  };
}

export type NeedPatch = Partial<NeedInput> & { status?: NeedStatus | undefined; version: number };

/** The enterprise edits its open need or closes it (with the version it read). */
export async function updateNeed(principal: Principal, needId: string, patch: NeedPatch, now = new Date()) {
  const access = await needAccess(principal, needId);
  if (!access.owner && !access.admin) {
    if (access.need.status === 'open' || access.accepted)
      throw forbidden({ en: 'change another enterprise’s need', zh: '修改其他企业的技术需求' });
    throw notFound(needNoun(needId));
  }
  const need = access.need;
  if (need.version !== patch.version) throw versionConflict(patch.version);
  const { version, status, ...fields } = patch;
  if (status !== undefined && status !== need.status && !canMove(need.status, status))
    throw conflict({
      en: `need ${needId} cannot go from ${need.status} to ${status}`,
      zh: `技术需求 ${needId} 不能从 ${need.status} 变为 ${status}`,
    });
  if (Object.values(fields).some((v) => v !== undefined) && need.status !== 'open')
    throw conflict({
      en: `need ${needId} is ${need.status}; only an open need can be edited`,
      zh: `技术需求 ${needId} 已${need.status}，只有公开中的需求可以修改`,
    });
  const next: Need = {
    ...need,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    status: status ?? need.status,
    version: version + 1,
    updatedAt: now.toISOString(),
  };
  checkNeed(next);
  await commit(
    [
      needReplacePut(next, version),
      needAudit(
        needId,
        {
          action: next.status !== need.status ? `need.${next.status}` : 'need.updated',
          actor: userActor(principal),
          data: { fields: Object.keys(fields), from: need.status, to: next.status },
        },
        now,
      ),
    ],
    (failed) => (failed === 0 ? versionConflict(version) : undefined),
  );
  return next;
}

// ---------------------------------------------------------------- capabilities

export async function upsertCapability(principal: Principal, input: CapabilityInput, now = new Date()) {
  const organisation = await requireOwnKind(principal, 'society');
  const existing = await loadCapability(organisation.id);
  if (input.version !== undefined && input.version !== (existing?.version ?? 0))
    throw versionConflict(input.version);
  const { version: _v, ...fields } = input;
  const capability: Capability = {
    ...fields,
    organisationId: organisation.id,
    societyName: organisation.name,
    activeAlliances: await activeAlliances(organisation.id),
    version: (existing?.version ?? 0) + 1,
    updatedAt: now.toISOString(),
  };
  await commit(
    [
      capabilityPut(capability),
      capabilityAudit(
        organisation.id,
        {
          action: existing ? 'capability.updated' : 'capability.created',
          actor: userActor(principal),
          data: { version: capability.version },
        },
        now,
      ),
    ],
    (failed) => (failed === 0 ? versionConflict(existing?.version ?? 0) : undefined),
  );
  return capability;
}

export async function getCapability(_principal: Principal, orgId: string) {
  const capability = await loadCapability(orgId);
  if (!capability) throw notFound(capabilityNoun(orgId));
  return capability;
}

export async function listCapabilities(_principal: Principal) {
  const items = await allCapabilities();
  return { items: items.sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1)) };
}

// ---------------------------------------------------------------- matching

/** Statuses of an alliance that keep a society busy (a draft up to a funded, running alliance). */
const activeStatuses: readonly AllianceStatus[] = [
  'draft',
  'submitted',
  'in-review',
  'selected',
  'designated',
];

/**
 * A society's active alliances. Its confirmed memberships are counted first; only a society with
 * more than FREE_ALLIANCES of them (the only ones the load factor can change) has its alliances'
 * statuses read.
 */
async function activeAlliances(orgId: string): Promise<number> {
  const memberships = (await orgMemberships(orgId)).filter((m) => m.state === 'confirmed');
  if (memberships.length <= FREE_ALLIANCES) return memberships.length;
  const heads = await Promise.all(memberships.map((m) => loadAlliance(m.allianceId)));
  return heads.filter((h) => h && activeStatuses.includes(h.status)).length;
}

/** Suggested societies for a need (its enterprise and admins only), with the reasons. */
export async function needMatches(principal: Principal, needId: string, limit = 20) {
  const access = await needAccess(principal, needId);
  if (!access.owner && !access.admin) throw notFound(needNoun(needId));
  const capabilities = (await allCapabilities()).filter(
    (c) => c.organisationId !== access.need.organisationId,
  );
  const load = new Map(capabilities.map((c) => [c.organisationId, c.activeAlliances ?? 0]));
  return { items: rankCapabilities(access.need, capabilities, load).slice(0, limit) };
}

/** Suggested open needs for a society's capability (the society itself and admins only). */
export async function capabilityMatches(principal: Principal, orgId: string, limit = 20) {
  if (!isAdmin(principal) && (await organisationIdOf(principal)) !== orgId)
    throw notFound(capabilityNoun(orgId));
  const capability = await loadCapability(orgId);
  if (!capability) throw notFound(capabilityNoun(orgId));
  const needs = await needsByStatus('open');
  return { items: rankNeeds(capability, needs, capability.activeAlliances ?? 0).slice(0, limit) };
}
