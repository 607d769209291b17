/** The programme office's side of reports (§4.4): a submitted report is accepted or returned with comments. */
import { byWhom, type Principal, userActor } from '../../domain/actors.ts';
import { deadlineOccasion, draft } from '../../domain/deadlines.ts';
import { conflict } from '../../domain/errors.ts';
import { accessAlliance } from '../alliances/index.ts';
import { writeNotification } from '../notifications.ts';
import { loadReport, present, ref, reportNoun, requireVersion, transition } from './lifecycle.ts';

export async function reviewReport(
  principal: Principal,
  allianceId: string,
  reportId: string,
  decision: 'accepted' | 'returned',
  body: { comments?: string | undefined; version?: number | undefined },
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId);
  const deadline = await loadReport(allianceId, reportId);
  if (deadline.status !== 'submitted')
    throw conflict({
      en: `report ${reportId} is ${deadline.status}; only a submitted report is ${decision}`,
      zh: `报告 ${reportId} 当前状态为 ${deadline.status}，只有已提交的报告可以${decision === 'accepted' ? '通过' : '退回'}`,
    });
  requireVersion(deadline, body.version);
  const review = {
    decision,
    ...(body.comments ? { comments: body.comments } : {}),
    at: now.toISOString(),
    by: byWhom(principal),
  };
  await transition(deadline, {
    from: ['submitted'],
    to: decision,
    actor: userActor(principal),
    by: byWhom(principal),
    action: `report.${decision}`,
    ...(body.comments ? { reason: body.comments } : {}),
    ...(body.version !== undefined ? { version: body.version } : {}),
    set: { review },
    data: { decision },
    now,
  });
  const updated = await loadReport(allianceId, reportId);
  const what = reportNoun(deadline);
  for (const m of view.members.filter((x) => x.state === 'confirmed')) {
    await writeNotification(
      draft(
        { organisationId: m.organisationId },
        decision === 'accepted' ? 'report-accepted' : 'report-returned',
        `${decision}#${deadlineOccasion(ref(deadline))}#${updated.version ?? 1}`,
        ref(deadline),
        { version: updated.version, ...(body.comments ? { comments: body.comments } : {}) },
        decision === 'accepted'
          ? {
              en: `The ${what.en} due ${deadline.due} of ${view.alliance.name} was accepted`,
              zh: `联盟「${view.alliance.name}」截止 ${deadline.due} 的${what.zh}已通过`,
            }
          : {
              en: `The ${what.en} due ${deadline.due} of ${view.alliance.name} was returned: ${body.comments ?? ''}`,
              zh: `联盟「${view.alliance.name}」截止 ${deadline.due} 的${what.zh}已退回：${body.comments ?? ''}`,
            },
      ),
      now,
    );
  }
  return present(updated);
}
