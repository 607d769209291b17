/**
 * Eligibility and submission: the dry run of the rules, submission (which runs them again and
 * refuses with every failing rule) and withdrawal while the round is open.
 */
import { allianceStatusUpdate } from '../../db/alliance-status.ts';
import { orgMemberships, overdueReports, type StoredAlliance } from '../../db/alliances.ts';
import { allianceAudit, roundAudit } from '../../db/audit.ts';
import { commit } from '../../db/commit.ts';
import { listDocuments } from '../../db/documents.ts';
import { loadPipeline } from '../../db/pipeline.ts';
import { selectionDropItems } from '../../db/selection.ts';
import { byWhom, isAdmin, type Principal, userActor } from '../../domain/actors.ts';
import { latestAgreement } from '../../domain/documents.ts';
import { evaluateEligibility } from '../../domain/eligibility.ts';
import type { EligibilityReport } from '../../domain/eligibility-report.ts';
import { conflict, ruleViolation, versionConflict } from '../../domain/errors.ts';
import type { AllianceRecord, AllianceStatus, Member } from '../../domain/model/alliance.ts';
import { logger } from '../../logger.ts';
import { syncNotice } from '../notice.ts';
import { loadProfiles } from '../organisations.ts';
import { getRound } from '../rounds.ts';
import { type AllianceView, accessAlliance, present, requireDraft, requireVersion } from './access.ts';

/**
 * R1 (§4.4): the overdue reports of a confirmed member's other alliances — its alliances from its
 * member items, then each alliance's report deadlines still overdue.
 */
async function overdueReportsOf(organisationId: string, exceptAllianceId: string) {
  const memberships = await orgMemberships(organisationId);
  const allianceIds = [
    ...new Set(
      memberships
        .filter((m) => m.state === 'confirmed' && m.allianceId !== exceptAllianceId)
        .map((m) => m.allianceId),
    ),
  ];
  const lists = await Promise.all(allianceIds.map(overdueReports));
  return lists.flat().map((d) => ({ organisationId, ...d }));
}

type OverdueReport = Awaited<ReturnType<typeof overdueReportsOf>>[number];

/**
 * The eligibility rules run on an alliance as stored: with its round, its members' profiles and
 * its documents, and the members' overdue reports when `loadOverdue` loads them (R1).
 */
export async function assessEligibility(
  alliance: AllianceRecord,
  members: Member[],
  now: Date,
  loadOverdue?: () => Promise<OverdueReport[]>,
): Promise<EligibilityReport> {
  // The profiles' BatchGet carries the round too (called first: the round's read then waits for it).
  const [profiles, round, documents, overdue] = await Promise.all([
    loadProfiles(
      members.map((m) => m.organisationId),
      alliance.roundId,
    ),
    getRound(alliance.roundId),
    listDocuments(alliance.id),
    loadOverdue?.(),
  ]);
  return evaluateEligibility({
    alliance,
    members: members.map((member) => ({ member, profile: profiles.get(member.organisationId) })),
    round,
    documents,
    now,
    ...(overdue ? { overdueReports: overdue } : {}),
  });
}

/** Eligibility for a submission: the rules with every confirmed member's overdue reports. */
function evaluate({ alliance, members }: AllianceView, now: Date): Promise<EligibilityReport> {
  const confirmedIds = members.filter((m) => m.state === 'confirmed').map((m) => m.organisationId);
  return assessEligibility(alliance, members, now, () =>
    Promise.all(confirmedIds.map((id) => overdueReportsOf(id, alliance.id))).then((lists) => lists.flat()),
  );
}

export async function checkEligibility(principal: Principal, allianceId: string, now = new Date()) {
  const view = await accessAlliance(principal, allianceId);
  return evaluate(view, now);
}

/** 422 naming every failing rule, each with its clause, subject and values. */
function rulesNotMet(report: EligibilityReport) {
  const failed = report.results.filter((r) => !r.passed);
  return ruleViolation(report.failing, (lang) =>
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
  const report = await evaluate(view, now);
  if (!report.eligible) throw rulesNotMet(report);
  // The audit record pins the agreement submitted with (A4 passed: there is a verified one).
  const agreement = latestAgreement(await listDocuments(allianceId));
  await changeStatus(principal, view.alliance, version, 'submitted', now, {
    reason: 'all eligibility rules passed',
    data: {
      rules: report.results.length,
      checkedAt: report.checkedAt,
      ...(agreement ? { agreement: { documentId: agreement.id, sha256: agreement.sha256 } } : {}),
    },
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
  if (view.alliance.status === 'selected')
    return withdrawSelected(principal, view.alliance, version, reason, now);
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
  await commit(
    [
      allianceStatusUpdate({
        allianceId: alliance.id,
        to: status,
        from: [alliance.status],
        at: now.toISOString(),
        by: byWhom(principal),
        expectedVersion: version,
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.extraSet ? { set: options.extraSet } : {}),
      }),
      allianceAudit(
        alliance.id,
        {
          action: `alliance.${status}`,
          actor: userActor(principal),
          ...(options.reason ? { reason: options.reason } : {}),
          data: { from: alliance.status, to: status, version: version + 1, ...options.data },
        },
        now,
      ),
    ],
    (failed) => (failed === 0 ? versionConflict(version) : undefined),
  );
}

/** The stages during which a selected alliance may still withdraw: designation has not started. */
const BEFORE_DESIGNATION = new Set(['selection', 'public-notice', 'objections', 'supplement']);

/**
 * A selected alliance withdraws before designation: it leaves the selection (its award is freed for
 * 递补, as after an upheld objection), the notice shows it withdrawn with the reason, all audited.
 */
async function withdrawSelected(
  principal: Principal,
  alliance: StoredAlliance,
  version: number,
  reason: string,
  now: Date,
) {
  requireVersion(alliance, version);
  const pipeline = await loadPipeline(alliance.roundId);
  if (!pipeline || !BEFORE_DESIGNATION.has(pipeline.stage))
    throw conflict({
      en: `designation of round ${alliance.roundId} has started (${pipeline?.stage ?? 'not started'}): ask the programme office to terminate the alliance instead`,
      zh: `申报批次 ${alliance.roundId} 已进入立项阶段（${pipeline?.stage ?? '未开始'}），请联系科协业务部门终止该联盟`,
    });
  const at = now.toISOString();
  const by = byWhom(principal);
  await commit(
    [
      allianceStatusUpdate({
        allianceId: alliance.id,
        to: 'withdrawn',
        from: ['selected'],
        at,
        by,
        expectedVersion: version,
        reason,
      }),
      ...selectionDropItems(alliance.roundId, alliance.id, { withdrawnBy: by, at, reason }),
      allianceAudit(alliance.id, { action: 'alliance.withdrawn', actor: userActor(principal), reason }, now),
      roundAudit(
        alliance.roundId,
        {
          action: 'selection.withdrawn',
          actor: userActor(principal),
          reason,
          data: { allianceId: alliance.id },
        },
        now,
      ),
    ],
    conflict({
      en: `alliance ${alliance.id} changed meanwhile; reload it`,
      zh: `联盟 ${alliance.id} 已被同时修改，请刷新后重试`,
    }),
  );
  await syncNotice(alliance.roundId).catch((error: unknown) =>
    logger.error('notice not updated after a withdrawal', { roundId: alliance.roundId, error }),
  );
  return present(await accessAlliance(principal, alliance.id));
}
