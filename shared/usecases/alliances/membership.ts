/**
 * Alliance membership: a confirmed member (or an admin) invites further enterprises and societies
 * into a draft; each invited organisation's applicant confirms or declines.
 */
import { draftVersionBump, invitationAnswerUpdate, invitationPut } from '../../db/alliances.ts';
import { type AuditEntry, allianceAudit } from '../../db/audit.ts';
import { commit, type TxItem } from '../../db/commit.ts';
import { type Principal, userActor } from '../../domain/actors.ts';
import { conflict, forbidden, notFound, nouns } from '../../domain/errors.ts';
import type { Member } from '../../domain/model/alliance.ts';
import { invitationDraft, memberAnswerDraft } from '../../domain/notify-events.ts';
import type { Text } from '../../domain/text.ts';
import { writeNotification } from '../notifications.ts';
import { loadOrganisation } from '../organisations.ts';
import { accessAlliance, loadAllianceView, present, requireDraft } from './access.ts';

/**
 * Commits a change of a draft's membership: its version bump, the member item and the audit
 * record. `memberConflict` says why the member item's condition failed. Returns the alliance.
 */
async function changeMembership(
  principal: Principal,
  allianceId: string,
  memberItem: TxItem,
  audit: Omit<AuditEntry, 'actor'>,
  memberConflict: Text,
  now: Date,
) {
  await commit(
    [
      draftVersionBump(allianceId, now.toISOString()),
      memberItem,
      allianceAudit(allianceId, { ...audit, actor: userActor(principal) }, now),
    ],
    (failed) => {
      if (failed === 0)
        return conflict({
          en: `alliance ${allianceId} is no longer a draft`,
          zh: `联盟 ${allianceId} 已不是草稿`,
        });
      if (failed === 1) return conflict(memberConflict);
      return undefined;
    },
  );
  // Read without the membership check (the caller was checked before the change): an organisation
  // that has just declined is no member any more, and its answer must not end in a 404.
  return present(await loadAllianceView(allianceId));
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
  if (!organisation) throw notFound(nouns.organisation(organisationId));
  const member: Member = {
    organisationId,
    kind: organisation.kind,
    name: organisation.name,
    state: 'invited',
    invitedBy: view.callerOrgId ?? 'admin',
    invitedAt: now.toISOString(),
  };
  const result = await changeMembership(
    principal,
    allianceId,
    invitationPut(allianceId, member),
    {
      action: 'alliance.member-invited',
      reason: `${organisation.name} (${organisation.kind}) invited`,
      data: { organisationId },
    },
    { en: `organisation ${organisationId} is already a member`, zh: `单位 ${organisationId} 已是联盟成员` },
    now,
  );
  const ref = { allianceId, allianceName: view.alliance.name ?? allianceId };
  const inviter = view.members.find((m) => m.organisationId === view.callerOrgId)?.name ?? 'programme office';
  await writeNotification(invitationDraft(ref, organisationId, inviter, member.invitedAt), now);
  return result;
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
  const result = await changeMembership(
    principal,
    allianceId,
    invitationAnswerUpdate(allianceId, organisationId, answer, now.toISOString()),
    {
      action: answer === 'confirmed' ? 'alliance.member-confirmed' : 'alliance.member-declined',
      data: { organisationId },
    },
    {
      en: `organisation ${organisationId} has no open invitation to answer`,
      zh: `单位 ${organisationId} 没有待答复的邀请`,
    },
    now,
  );
  const member = view.members.find((m) => m.organisationId === organisationId);
  const lead = view.alliance.createdBy;
  if (member && lead && lead !== organisationId)
    await writeNotification(
      memberAnswerDraft(
        { allianceId, allianceName: view.alliance.name ?? allianceId },
        lead,
        { organisationId, name: member.name, invitedAt: member.invitedAt },
        answer,
      ),
      now,
    );
  return result;
}
