/**
 * Implementation (§4.3): a designated alliance's plan — milestones with dates and periodic
 * assessment indicators with targets — kept with every earlier version, and the end of the
 * alliance: closed as completed once its completion report is accepted, or terminated early; the
 * dedicated account freezes either way.
 */
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { loadAllianceWithMembers } from '../db/alliances.ts';
import { allianceAudit, userActor } from '../db/audit.ts';
import { freezeLedgerUpdate } from '../db/awards.ts';
import { commit } from '../db/commit.ts';
import {
  createPlan,
  loadPlan,
  loadPlanVersion,
  type PlanContent,
  type PlanRecord,
  planReplaceItems,
} from '../db/plans.ts';
import { listReportDeadlines } from '../db/reports.ts';
import { byWhom, isAdmin, type Principal } from '../domain/actors.ts';
import { conflict, forbidden, notFound, nouns, versionConflict } from '../domain/errors.ts';
import { accessAlliance } from './alliances/index.ts';
import { readAccess } from './ledger/access.ts';

/** An alliance has a plan from designation on (and keeps it once it has ended). */
const withPlan = ['designated', 'completed', 'terminated'] as const;

/** The plan; the first read of a designated alliance's plan starts it from the application's work plan. */
export async function getPlan(
  principal: Principal,
  allianceId: string,
  now = new Date(),
): Promise<PlanRecord> {
  const alliance = await readAccess(principal, allianceId, withPlan);
  const stored = await loadPlan(allianceId);
  if (stored) return stored;
  if (!(withPlan as readonly string[]).includes(alliance.status)) {
    throw notFound({
      en: `an implementation plan of alliance ${allianceId} (it starts at designation)`,
      zh: `联盟 ${allianceId} 的实施方案（自立项起生成）`,
    });
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
  if (await createPlan(plan)) return plan;
  return (await loadPlan(allianceId))!; // another first read started it meanwhile
}

export async function updatePlan(
  principal: Principal,
  allianceId: string,
  input: PlanContent & { version: number; reason: string },
  now = new Date(),
): Promise<PlanRecord> {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) });
  const status = view.alliance.status;
  if (status !== 'designated') {
    throw conflict({
      en: `alliance ${allianceId} is ${status}; only a designated alliance's plan can change`,
      zh: `联盟 ${allianceId} 当前状态为 ${status}，只有已立项联盟的实施方案可以修改`,
    });
  }
  const current = await getPlan(principal, allianceId, now);
  if (current.version !== input.version) throw versionConflict(input.version);
  const at = now.toISOString();
  const by = byWhom(principal);
  const { version, reason, ...content } = input;
  const next: PlanRecord = {
    allianceId,
    ...content,
    version: version + 1,
    updatedAt: at,
    updatedBy: by,
    history: [...current.history, { version: version + 1, at, by, reason }],
  };
  await commit(
    [
      ...planReplaceItems(current, next),
      allianceAudit(
        allianceId,
        { action: 'plan.updated', actor: userActor(principal), reason, data: { version: version + 1 } },
        now,
      ),
    ],
    versionConflict(version),
  );
  return next;
}

export async function getPlanVersion(
  principal: Principal,
  allianceId: string,
  version: number,
): Promise<PlanRecord> {
  const current = await getPlan(principal, allianceId);
  if (version === current.version) return current;
  const earlier = await loadPlanVersion(allianceId, version);
  if (!earlier) {
    throw notFound({
      en: `version ${version} of the plan of alliance ${allianceId}`,
      zh: `联盟 ${allianceId} 实施方案的第 ${version} 版`,
    });
  }
  return earlier;
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
  if (!loaded) throw notFound(nouns.alliance(allianceId));
  if (loaded.alliance.status !== 'designated')
    throw conflict({
      en: `alliance ${allianceId} is ${loaded.alliance.status}, not designated`,
      zh: `联盟 ${allianceId} 当前状态为 ${loaded.alliance.status}，不是已立项联盟`,
    });
  if (input.outcome === 'completed') {
    const completion = (await listReportDeadlines(allianceId)).find((d) => d.kind === 'completion-report');
    if (completion?.status !== 'accepted') {
      const status = String(completion?.status ?? 'missing');
      throw conflict({
        en: `the completion report is ${status}, not accepted: close as completed after accepting it, or terminate with a reason`,
        zh: `结题报告状态为 ${status}，尚未通过：请在通过结题报告后以“完成”结束联盟，或说明理由提前终止`,
      });
    }
  }
  const at = now.toISOString();
  await commit(
    [
      allianceStatusUpdate({
        allianceId,
        to: input.outcome,
        from: ['designated'],
        at,
        by: byWhom(principal),
        reason: input.reason,
        set: { closedAt: at },
      }),
      freezeLedgerUpdate(allianceId, at),
      allianceAudit(
        allianceId,
        { action: `alliance.${input.outcome}`, actor: userActor(principal), reason: input.reason },
        now,
      ),
    ],
    conflict({ en: `alliance ${allianceId} changed meanwhile`, zh: `联盟 ${allianceId} 已被同时修改` }),
  );
  return { allianceId, status: input.outcome };
}
