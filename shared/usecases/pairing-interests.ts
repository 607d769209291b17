/**
 * Interest → alliance: a society expresses interest in an open need; the need's enterprise lists
 * the interests and accepts or declines each. Acceptance creates a draft alliance in the round
 * (prepareAlliance: the enterprise its first, confirmed member), adds the society as a confirmed
 * member (its interest is its confirmation) and marks the need matched — all in one transaction, so a
 * conflict leaves no half-made draft — and notifies the society.
 * Every step is audited in the transaction that makes it.
 */
import { randomUUID } from 'node:crypto';
import { memberPut } from '../db/alliances.ts';
import { allianceAudit } from '../db/audit.ts';
import { commit } from '../db/commit.ts';
import {
  capabilityLoadBump,
  interestAnswerUpdate,
  interestPuts,
  loadCapability,
  loadInterest,
  needAudit,
  needInterests,
  needReplacePut,
} from '../db/pairing.ts';
import { byWhom, type Principal, userActor } from '../domain/actors.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { Member } from '../domain/model/alliance.ts';
import { notificationDraft } from '../domain/notify.ts';
import type { Capability, Interest, Need } from '../domain/pairing.ts';
import type { Text } from '../domain/text.ts';
import { prepareAlliance } from './alliances/drafts.ts';
import { getAlliance } from './alliances/index.ts';
import { writeNotification } from './notifications.ts';
import { needAccess, requireOwnKind } from './pairing.ts';

const interestNoun = (id: string): Text => ({ en: `interest ${id}`, zh: `合作意向 ${id}` });

/** A society expresses interest in an open need (once per need). */
export async function expressInterest(
  principal: Principal,
  needId: string,
  input: { message: string },
  now = new Date(),
) {
  const society = await requireOwnKind(principal, 'society');
  const { need } = await needAccess(principal, needId);
  if (need.status !== 'open')
    throw conflict({
      en: `need ${needId} is ${need.status}; only an open need takes interests`,
      zh: `技术需求 ${needId} 已${need.status}，只有公开中的需求可以表达合作意向`,
    });
  const interest: Interest = {
    id: `i-${randomUUID()}`,
    needId,
    societyId: society.id,
    societyName: society.name,
    message: input.message,
    state: 'pending',
    createdAt: now.toISOString(),
  };
  await commit(
    [
      ...interestPuts(interest),
      needAudit(
        needId,
        {
          action: 'need.interest-expressed',
          actor: userActor(principal),
          data: { interestId: interest.id, societyId: society.id },
        },
        now,
      ),
    ],
    (failed) =>
      failed === 0
        ? conflict({
            en: `${society.name} has already expressed interest in need ${needId}`,
            zh: `${society.name} 已对技术需求 ${needId} 表达过合作意向`,
          })
        : undefined,
  );
  await writeNotification(
    notificationDraft(
      { organisationId: need.organisationId },
      'interest-received',
      `interest-received:${interest.id}`,
      { needId, interestId: interest.id },
      { needTitle: need.title, society: society.name, note: input.message },
      {
        en: `${society.name} is interested in your need “${need.title}”`,
        zh: `${society.name} 对贵单位的技术需求“${need.title}”表达了合作意向`,
      },
    ),
    now,
  );
  return interest;
}

/** The interests in a need: its enterprise and admins see all; a society only its own. */
export async function listInterests(principal: Principal, needId: string) {
  const access = await needAccess(principal, needId);
  const all = await needInterests(needId);
  if (access.owner || access.admin) return { items: all };
  const own = all.filter((i) => i.societyId === access.orgId);
  if (own.length === 0) throw notFound(interestNoun(needId));
  return { items: own };
}

async function ownerInterest(principal: Principal, needId: string, interestId: string) {
  const access = await needAccess(principal, needId);
  const interest = await loadInterest(needId, interestId);
  if (!access.owner && !access.admin) throw notFound(interestNoun(interestId));
  if (!interest) throw notFound(interestNoun(interestId));
  if (interest.state !== 'pending')
    throw conflict({
      en: `interest ${interestId} is already ${interest.state}`,
      zh: `合作意向 ${interestId} 已${interest.state === 'accepted' ? '接受' : '谢绝'}`,
    });
  return { need: access.need, interest, admin: access.admin, owner: access.owner };
}

/** The draft's content taken from the need (and the society's expert team from its capability). */
function prefill(need: Need, societyId: string, capability: Capability | undefined) {
  return {
    name: need.title,
    summary: need.description,
    goals: need.description,
    sectors: [need.sector],
    serviceTypes: [...need.serviceTypes],
    period: { ...need.period },
    ...(capability?.experts.length
      ? { expertTeam: capability.experts.map((e) => ({ ...e, organisationId: societyId })) }
      : {}),
  };
}

/** The enterprise accepts a society's interest: a draft alliance with both as confirmed members. */
export async function acceptInterest(
  principal: Principal,
  needId: string,
  interestId: string,
  input: { roundId?: string | undefined },
  now = new Date(),
) {
  const { need, interest, owner } = await ownerInterest(principal, needId, interestId);
  if (!owner)
    throw conflict({
      en: 'accept an interest: only the need’s enterprise can (it becomes the draft’s first member)',
      zh: '接受合作意向（只有发布需求的企业可以，企业将成为联盟草稿的首个成员）',
    });
  if (need.status !== 'open')
    throw conflict({
      en: `need ${needId} is ${need.status}; only an open need can be matched`,
      zh: `技术需求 ${needId} 已${need.status}，只有公开中的需求可以达成合作`,
    });
  const roundId = input.roundId ?? need.roundId;
  if (!roundId)
    throw invalid('roundId', {
      en: 'name the round the alliance applies in (the need has none)',
      zh: '请指定联盟申报的批次（该需求未指定批次）',
    });
  const capability = await loadCapability(interest.societyId);
  // The draft, its society member, the answered interest and the matched need: one transaction,
  // so a conflict leaves nothing behind.
  const prepared = await prepareAlliance(
    principal,
    { ...prefill(need, interest.societyId, capability), roundId },
    now,
  );
  const draft = { ...prepared.alliance, members: [prepared.member] };
  const at = now.toISOString();
  const member: Member = {
    organisationId: interest.societyId,
    kind: 'society',
    name: interest.societyName,
    state: 'confirmed',
    invitedBy: need.organisationId,
    invitedAt: at,
    respondedAt: at,
  };
  const matched: Need = {
    ...need,
    status: 'matched',
    allianceId: draft.id,
    version: need.version + 1,
    updatedAt: at,
  };
  await commit(
    [
      interestAnswerUpdate(needId, interestId, 'accepted', at, byWhom(principal), draft.id),
      needReplacePut(matched, need.version),
      ...prepared.items,
      memberPut(draft.id, member),
      ...(capability ? [capabilityLoadBump(interest.societyId)] : []),
      needAudit(
        needId,
        {
          action: 'need.interest-accepted',
          actor: userActor(principal),
          data: { interestId, societyId: interest.societyId, allianceId: draft.id },
        },
        now,
      ),
      allianceAudit(
        draft.id,
        {
          action: 'alliance.member-confirmed',
          actor: userActor(principal),
          reason: `${interest.societyName} joined by the accepted interest ${interestId} in need ${needId}`,
          data: { organisationId: interest.societyId, needId, interestId },
        },
        now,
      ),
    ],
    (failed) =>
      failed === 0 || failed === 1
        ? conflict({
            en: `need ${needId} or interest ${interestId} changed meanwhile`,
            zh: `技术需求 ${needId} 或合作意向 ${interestId} 已被他人修改`,
          })
        : undefined,
  );
  await writeNotification(
    notificationDraft(
      { organisationId: interest.societyId },
      'interest-accepted',
      `interest-accepted:${interestId}`,
      { needId, interestId, allianceId: draft.id },
      { needTitle: need.title },
      {
        en: `${need.enterpriseName} accepted your interest in “${need.title}”; a draft alliance was created`,
        zh: `${need.enterpriseName} 接受了贵会对“${need.title}”的合作意向，已创建联盟草稿`,
      },
    ),
    now,
  );
  return {
    interest: { ...interest, state: 'accepted' as const, allianceId: draft.id },
    alliance: await getAlliance(principal, draft.id),
  };
}

/** The enterprise (or an admin) declines a society's interest. */
export async function declineInterest(
  principal: Principal,
  needId: string,
  interestId: string,
  now = new Date(),
) {
  const { need, interest } = await ownerInterest(principal, needId, interestId);
  const at = now.toISOString();
  await commit(
    [
      interestAnswerUpdate(needId, interestId, 'declined', at, byWhom(principal)),
      needAudit(
        needId,
        {
          action: 'need.interest-declined',
          actor: userActor(principal),
          data: { interestId, societyId: interest.societyId },
        },
        now,
      ),
    ],
    (failed) => (failed === 0 ? conflict(interestNoun(interestId)) : undefined),
  );
  await writeNotification(
    notificationDraft(
      { organisationId: interest.societyId },
      'interest-declined',
      `interest-declined:${interestId}`,
      { needId, interestId },
      { needTitle: need.title },
      {
        en: `${need.enterpriseName} declined your interest in “${need.title}”`,
        zh: `${need.enterpriseName} 谢绝了贵会对“${need.title}”的合作意向`,
      },
    ),
    now,
  );
  return { ...interest, state: 'declined' as const, respondedAt: at };
}
