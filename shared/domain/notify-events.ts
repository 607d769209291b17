/**
 * Drafts of the notifications the programme's decisions produce (issue #13), one builder per
 * topic: pure, so each is checked complete (missingTemplateKeys empty) by a unit test. The use
 * cases write them with writeNotification after their decision has committed; each occasion names
 * the decision once, so a retried or replayed step writes nothing new.
 */
import { yuan } from './money.ts';
import { type NotificationDraft, notificationDraft, type Recipient } from './notify.ts';
import type { Text } from './text.ts';

const org = (organisationId: string): Recipient => ({ organisationId });
export const programmeOffice: Recipient = { role: 'admin' };
export const inspectionOffice: Recipient = { role: 'inspection-office' };

export interface AllianceRef {
  allianceId: string;
  allianceName: string;
}

/** The invited organisation; occasion: the invitation (alliance, organisation, when invited). */
export function invitationDraft(
  a: AllianceRef,
  organisationId: string,
  invitedBy: string,
  invitedAt: string,
) {
  return notificationDraft(
    org(organisationId),
    'alliance-invitation',
    `alliance-invitation#${a.allianceId}#${organisationId}#${invitedAt}`,
    { allianceId: a.allianceId },
    { allianceName: a.allianceName, invitedBy },
    {
      en: `Your organisation is invited to join the alliance ${a.allianceName}`,
      zh: `贵单位受邀加入联盟「${a.allianceName}」`,
    },
  );
}

/** The lead (creating) organisation, when a member answers its invitation (once per invitation). */
export function memberAnswerDraft(
  a: AllianceRef,
  lead: string,
  member: { organisationId: string; name: string; invitedAt: string },
  answer: 'confirmed' | 'declined',
) {
  const topic = answer === 'confirmed' ? 'alliance-member-confirmed' : 'alliance-member-declined';
  return notificationDraft(
    org(lead),
    topic,
    `${topic}#${a.allianceId}#${member.organisationId}#${member.invitedAt}`,
    { allianceId: a.allianceId },
    { allianceName: a.allianceName, member: member.name, memberId: member.organisationId },
    answer === 'confirmed'
      ? {
          en: `${member.name} confirmed its membership of ${a.allianceName}`,
          zh: `${member.name} 已确认加入联盟「${a.allianceName}」`,
        }
      : {
          en: `${member.name} declined to join ${a.allianceName}`,
          zh: `${member.name} 已拒绝加入联盟「${a.allianceName}」`,
        },
  );
}

/** Each member organisation, on the office's screening decision (occasion: the decision's time). */
export function screeningResultDraft(
  roundId: string,
  a: AllianceRef,
  organisationId: string,
  decision: { outcome: 'pass' | 'reject'; reason: string; at: string },
  failing: readonly string[],
) {
  const passed = decision.outcome === 'pass';
  return notificationDraft(
    org(organisationId),
    'screening-result',
    `screening#${roundId}#${a.allianceId}#${decision.at}`,
    { roundId, allianceId: a.allianceId },
    { allianceName: a.allianceName, passed, reasons: [decision.reason, ...failing] },
    passed
      ? {
          en: `${a.allianceName} passed screening: ${decision.reason}`,
          zh: `联盟「${a.allianceName}」已通过形式审查：${decision.reason}`,
        }
      : {
          en: `${a.allianceName} did not pass screening: ${decision.reason}`,
          zh: `联盟「${a.allianceName}」未通过形式审查：${decision.reason}`,
        },
  );
}

/** A reviewer, per assignment (once: an assignment of a round is written once). */
export function reviewerAssignedDraft(roundId: string, a: AllianceRef, reviewerId: string) {
  return notificationDraft(
    { userId: reviewerId },
    'reviewer-assigned',
    `reviewer-assigned#${roundId}#${a.allianceId}#${reviewerId}`,
    { roundId, allianceId: a.allianceId },
    { allianceName: a.allianceName },
    {
      en: `You are assigned to review ${a.allianceName} (round ${roundId})`,
      zh: `您被分配评审联盟「${a.allianceName}」（申报批次 ${roundId}）`,
    },
  );
}

/** Each member organisation, when the approved selection is applied to its alliance (once per round). */
export function selectionResultDraft(
  roundId: string,
  a: AllianceRef,
  organisationId: string,
  selected: boolean,
  reason: Text,
) {
  return notificationDraft(
    org(organisationId),
    'selection-result',
    `selection#${roundId}#${a.allianceId}`,
    { roundId, allianceId: a.allianceId },
    { allianceName: a.allianceName, selected, reason },
    selected
      ? {
          en: `${a.allianceName} was selected: ${reason.en}`,
          zh: `联盟「${a.allianceName}」已入选：${reason.zh}`,
        }
      : {
          en: `${a.allianceName} was not selected: ${reason.en}`,
          zh: `联盟「${a.allianceName}」未入选：${reason.zh}`,
        },
  );
}

/**
 * A member of an alliance selected by 递补 (supplement n): selected after all, with the decision's
 * reason; its own occasion, since the alliance was told "not selected" at the selection.
 */
export function supplementSelectedDraft(
  roundId: string,
  a: AllianceRef,
  organisationId: string,
  n: number,
  award: string,
  reason: string,
) {
  return notificationDraft(
    org(organisationId),
    'selection-result',
    `selection#${roundId}#${a.allianceId}#supplement#${n}`,
    { roundId, allianceId: a.allianceId },
    {
      allianceName: a.allianceName,
      selected: true,
      reason: {
        en: `递补 (supplementary selection ${n}), ${award}: ${reason}`,
        zh: `递补（第 ${n} 次），${award}：${reason}`,
      },
    },
    {
      en: `${a.allianceName} was selected by 递补 (${award}); a supplementary public notice follows`,
      zh: `联盟「${a.allianceName}」经递补入选（${award}），将另行公示`,
    },
  );
}

/** The programme office, or a member of an announced alliance, once per round's notice. */
export function noticePublishedDraft(
  roundId: string,
  recipient: Recipient,
  closesAt: string,
  a?: AllianceRef,
) {
  return notificationDraft(
    recipient,
    'notice-published',
    `notice#${roundId}${a ? `#${a.allianceId}` : ''}`,
    { roundId, ...(a ? { allianceId: a.allianceId } : {}) },
    { closesAt, ...(a ? { allianceName: a.allianceName } : {}) },
    a
      ? {
          en: `${a.allianceName} is on the public notice of round ${roundId} until ${closesAt}`,
          zh: `联盟「${a.allianceName}」已列入申报批次 ${roundId} 的公示，公示期至 ${closesAt}`,
        }
      : {
          en: `The notice of round ${roundId} is published; objections until ${closesAt}`,
          zh: `申报批次 ${roundId} 的公示已发布，异议受理至 ${closesAt}`,
        },
  );
}

/** The programme office, when an objection is filed (the objector's identity is not included). */
export function objectionReceivedDraft(roundId: string, objectionId: string, allianceId: string) {
  return notificationDraft(
    programmeOffice,
    'objection-received',
    `objection-received#${roundId}#${objectionId}`,
    { roundId, objectionId, allianceId },
    {},
    {
      en: `Objection ${objectionId} was filed against alliance ${allianceId} (round ${roundId})`,
      zh: `收到针对联盟 ${allianceId} 的异议 ${objectionId}（申报批次 ${roundId}）`,
    },
  );
}

const outcomeText = {
  upheld: { en: 'upheld', zh: '成立' },
  dismissed: { en: 'dismissed', zh: '不成立' },
} as const;

/** The programme office or a member organisation, when an objection is resolved (once: it is resolved once). */
export function objectionResolvedDraft(
  recipient: Recipient,
  roundId: string,
  objectionId: string,
  allianceId: string,
  outcome: 'upheld' | 'dismissed',
  reason: string,
) {
  const o = outcomeText[outcome];
  return notificationDraft(
    recipient,
    'objection-resolved',
    `objection-resolved#${roundId}#${objectionId}`,
    { roundId, objectionId, allianceId },
    { outcome: o, reason },
    {
      en: `Objection ${objectionId} against alliance ${allianceId} was ${o.en}: ${reason}`,
      zh: `针对联盟 ${allianceId} 的异议 ${objectionId} 经核查${o.zh}：${reason}`,
    },
  );
}

/** Each member organisation of a designated alliance; amount in whole yuan, formatted ¥1,234. */
export function designationDraft(roundId: string, a: AllianceRef, organisationId: string, award: number) {
  const amount = yuan(award);
  return notificationDraft(
    org(organisationId),
    'designation',
    `designation#${roundId}#${a.allianceId}`,
    { roundId, allianceId: a.allianceId },
    { allianceName: a.allianceName, amount, amountYuan: award },
    {
      en: `${a.allianceName} is designated with an award of ${amount}`,
      zh: `联盟「${a.allianceName}」已获认定，资助金额 ${amount}`,
    },
  );
}

/** An office (admin or inspection office; never the alliance), per inspection drawn. */
export function inspectionPlannedDraft(
  recipient: Recipient,
  inspection: { inspectionId: string; allianceId: string; drawId: string },
  plannedFor: string,
) {
  return notificationDraft(
    recipient,
    'inspection-planned',
    `inspection-planned#${inspection.inspectionId}`,
    { inspectionId: inspection.inspectionId, allianceId: inspection.allianceId },
    { plannedFor, drawId: inspection.drawId },
    {
      en: `Inspection ${inspection.inspectionId} of alliance ${inspection.allianceId} is planned (draw ${inspection.drawId})`,
      zh: `已计划对联盟 ${inspection.allianceId} 开展检查 ${inspection.inspectionId}（抽查 ${inspection.drawId}）`,
    },
  );
}

/** Each member organisation, when an inspection completed with findings requiring follow-up. */
export function inspectionFollowUpDraft(
  organisationId: string,
  inspection: { inspectionId: string; allianceId: string },
  rating: string,
  due: string,
  actions: readonly { action: string; due?: string | undefined }[],
): NotificationDraft {
  return notificationDraft(
    org(organisationId),
    'inspection-follow-up',
    `inspection-follow-up#${inspection.inspectionId}`,
    { inspectionId: inspection.inspectionId, allianceId: inspection.allianceId },
    {
      outcome: { en: `rated ${rating}; follow-up due ${due}`, zh: `评定为 ${rating}，整改期限 ${due}` },
      due,
      actions: actions.map((a) => (a.due ? `${a.action} (${a.due})` : a.action)),
    },
    {
      en: `Inspection ${inspection.inspectionId} requires follow-up by ${due}`,
      zh: `检查 ${inspection.inspectionId} 要求于 ${due} 前完成整改`,
    },
  );
}
