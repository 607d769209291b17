/** Stages PublishNotice and CheckObjections: the public notice and the objections it draws. */

import { systemActor } from '../../../db/audit.ts';
import { commitFirstTime } from '../../../db/commit.ts';
import { loadNotice, noticeKeys, noticePut } from '../../../db/notices.ts';
import { enterStage } from '../../../db/pipeline.ts';
import { roundAudit } from '../../../db/rounds.ts';
import { loadSelection, loadSelectionRows } from '../../../db/selection.ts';
import { noticePeriodEnd } from '../../../domain/award.ts';
import { buildNotice } from '../../../domain/notice.ts';
import { noticePublishedDraft, programmeOffice } from '../../../domain/notify-events.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { TaskError } from '../../../errors.ts';
import { noticeEntries, syncNotice, writeNoticeDocuments } from '../../notice.ts';
import { writeNotification } from '../../notifications.ts';
import { allianceRecipients, writeAll } from '../../notify-events.ts';
import { getRound } from '../../rounds.ts';
import { eachLimited, PAGE_CONCURRENCY } from '../paging.ts';
import { recountTally } from '../tallies.ts';

/** Publishes the approved list as JSON and as a Chinese HTML page; the notice period starts now (once). */
export async function publishNotice(roundId: string, executionId: string, now = new Date()) {
  const existing = await loadNotice(roundId);
  if (existing) {
    // A re-run: the notifications a run cut short did not write are written now (once each).
    await notifyNotice(roundId, existing.endsAt, now);
    return { endsAt: existing.endsAt, entries: existing.entries, reused: true };
  }
  const [round, selection] = await Promise.all([getRound(roundId), loadSelection(roundId)]);
  if (selection?.status !== 'approved' || !selection.approved)
    throw new TaskError('SelectionNotApproved', `round ${roundId}: no approved selection`);
  // Every row, once (this step runs once per round): the funded ones in rank order.
  const all = await loadSelectionRows(roundId);
  if (!selection.appliedAt || all.some((r) => !r.approved))
    throw new TaskError(
      'SelectionNotApplied',
      `round ${roundId}: ApplySelection has not given every alliance its outcome yet`,
    );
  const rows = all.flatMap((r) => (r.approved?.funded ? [r.approved] : [])); // dropped ones: syncNotice marks them
  const entries = await noticeEntries(rows);
  const publishedAt = now.toISOString();
  const endsAt = noticePeriodEnd(now, round.noticePeriodDays);
  const notice = buildNotice({
    round: { id: round.id, name: round.name, year: round.year, noticePeriodDays: round.noticePeriodDays },
    entries,
    publishedAt,
    endsAt,
    objectionUrl: `/v1/public/rounds/${roundId}/objections`,
    sectorNames: Object.fromEntries(round.prioritySectors.map((s) => [s.id, s.name])),
  });
  const objectKeys = noticeKeys(roundId);
  await writeNoticeDocuments(roundId, notice, objectKeys);
  const first = await commitFirstTime([
    noticePut({ roundId, publishedAt, endsAt, entries: entries.length, ...objectKeys }),
    roundAudit(
      roundId,
      {
        action: 'pipeline.notice-published',
        actor: systemActor(COMPONENT, executionId),
        reason: `${entries.length} alliances announced for ${round.noticePeriodDays} days, until ${endsAt}`,
      },
      now,
    ),
  ]);
  if (!first) {
    const published = (await loadNotice(roundId))!;
    return { endsAt: published.endsAt, entries: published.entries, reused: true };
  }
  await notifyNotice(
    roundId,
    endsAt,
    now,
    rows.map((r) => r.allianceId),
  );
  await enterStage({
    roundId,
    stage: 'public-notice',
    by: COMPONENT,
    waitingOn: `the notice period (until ${endsAt}); objections may be filed`,
  });
  return { endsAt, entries: entries.length, reused: false };
}

export async function checkObjections(roundId: string) {
  await syncNotice(roundId); // an upheld objection shows on the notice, whatever happened to its own update
  // Recounted from the objections at each check; resolutions keep it between checks.
  const { open } = await recountTally(roundId, 'objections');
  if (open > 0) {
    await enterStage({
      roundId,
      stage: 'objections',
      by: COMPONENT,
      waitingOn: `admin: a resolution of ${open} open objection(s)`,
    });
  }
  return { open };
}

/**
 * The programme office once per round, and each confirmed member of each announced alliance (the
 * funded rows), once per round: this step is not paged, so the members are read here, ten at a time.
 */
async function notifyNotice(roundId: string, closesAt: string, now: Date, announced?: string[]) {
  await writeNotification(noticePublishedDraft(roundId, programmeOffice, closesAt), now);
  const ids =
    announced ??
    (await loadSelectionRows(roundId)).flatMap((r) => (r.approved?.funded ? [r.allianceId] : []));
  await eachLimited(ids, PAGE_CONCURRENCY, async (id) => {
    const to = await allianceRecipients(id);
    if (to)
      await writeAll(
        to.members.map((m) => noticePublishedDraft(roundId, { organisationId: m }, closesAt, to.ref)),
        now,
      );
  });
}
