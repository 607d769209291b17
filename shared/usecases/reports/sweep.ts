/**
 * The daily deadline sweep: applies the pure plan of shared/domain/deadlines.ts (reminders, the
 * overdue transition and escalation) to the report deadlines due in the sweep's window.
 */
import { commitFirstTime } from '../../db/commit.ts';
import {
  allianceAudit,
  escalatedUpdate,
  listDeadlinesDue,
  loadSweepAlliance,
  overdueUpdate,
} from '../../db/reports.ts';
import { systemActor } from '../../domain/actors.ts';
import {
  cstDate,
  deadlineOccasion,
  planSweep,
  reportIdOf,
  type SweepAction,
  type SweepConfig,
  type SweepDeadline,
  sweepWindow,
} from '../../domain/deadlines.ts';
import { writeNotification } from '../notifications.ts';

export interface SweepSummary {
  today: string;
  window: { from: string; to: string };
  deadlines: number;
  notified: number;
  alreadyNotified: number;
  markedOverdue: number;
  escalated: number;
  skipped: number;
}

/** The deadlines in the window as the plan sees them: with their alliance's name and confirmed members. */
async function sweepDeadlines(window: { from: string; to: string }): Promise<SweepDeadline[]> {
  const found = await listDeadlinesDue(window);
  const alliances = new Map<string, ReturnType<typeof loadSweepAlliance>>();
  const alliance = (id: string) => {
    let entry = alliances.get(id);
    if (!entry) {
      entry = loadSweepAlliance(id);
      alliances.set(id, entry);
    }
    return entry;
  };
  const deadlines: SweepDeadline[] = [];
  for (const d of found) {
    const info = await alliance(d.allianceId);
    deadlines.push({
      allianceId: d.allianceId,
      kind: d.kind,
      due: d.due,
      status: d.status,
      ...(d.year !== undefined ? { year: d.year } : {}),
      ...(d.escalatedAt ? { escalatedAt: d.escalatedAt } : {}),
      ...(info.name ? { allianceName: info.name } : {}),
      members: info.memberIds,
    });
  }
  return deadlines;
}

type Transition = Exclude<SweepAction, { type: 'notify' }>;

/** The status change a planned transition makes, with its audit record. */
function transitionItems(
  action: Transition,
  today: string,
  config: SweepConfig,
  executionId: string | undefined,
  now: Date,
) {
  const { allianceId, kind, due } = action.deadline;
  const at = now.toISOString();
  const actor = systemActor('deadline-sweep', executionId);
  const common = { reportId: reportIdOf(action.deadline), kind, due, today, daysOverdue: action.daysOverdue };
  if (action.type === 'mark-overdue') {
    const days = `${action.daysOverdue} day${action.daysOverdue === 1 ? '' : 's'}`;
    return [
      overdueUpdate(action.deadline, action.from, today, {
        status: 'overdue',
        at,
        by: 'system (deadline-sweep)',
        reason: `not submitted by ${due} (${days} overdue)`,
      }),
      allianceAudit(
        allianceId,
        {
          action: 'report.overdue',
          actor,
          reason: `the ${kind} due ${due} was not submitted`,
          data: { ...common, from: action.from, to: 'overdue' },
        },
        now,
      ),
    ];
  }
  return [
    escalatedUpdate(action.deadline, at),
    allianceAudit(
      allianceId,
      {
        action: 'report.escalated',
        actor,
        reason: `overdue for more than ${config.escalationGraceDays} days: escalated to the programme office`,
        data: { ...common, graceDays: config.escalationGraceDays },
      },
      now,
    ),
  ];
}

/**
 * Runs the day's plan. Each action stands alone and is idempotent: notifications are conditional
 * puts of deterministic ids, the overdue transition is conditional on the status it moves from and
 * on the due date having passed, the escalation marker on its absence. So a second run (same day or
 * a missed day later) finds everything done and changes nothing.
 */
export async function runDeadlineSweep(
  when: Date,
  config: SweepConfig,
  executionId?: string,
): Promise<SweepSummary> {
  const today = cstDate(when);
  const window = sweepWindow(today, config);
  const deadlines = await sweepDeadlines(window);
  const summary: SweepSummary = {
    today,
    window,
    deadlines: deadlines.length,
    notified: 0,
    alreadyNotified: 0,
    markedOverdue: 0,
    escalated: 0,
    skipped: 0,
  };
  const now = new Date();
  // A deadline whose overdue transition did not hold (submitted meanwhile, or already moved) gets
  // nothing more from this run: its notices and escalation were planned on a status it no longer has.
  const stale = new Set<string>();
  for (const action of planSweep(deadlines, today, config)) {
    const occasion = deadlineOccasion(
      action.type === 'notify' ? action.notification.subject : action.deadline,
    );
    if (stale.has(occasion)) {
      summary.skipped++;
      continue;
    }
    if (action.type === 'notify') {
      if (await writeNotification(action.notification, now)) summary.notified++;
      else summary.alreadyNotified++;
      continue;
    }
    if (await commitFirstTime(transitionItems(action, today, config, executionId, now))) {
      if (action.type === 'mark-overdue') summary.markedOverdue++;
      else summary.escalated++;
    } else {
      // Already done (another run got there first) or no longer applicable (submitted meanwhile).
      summary.skipped++;
      if (action.type === 'mark-overdue') stale.add(occasion);
    }
  }
  return summary;
}
