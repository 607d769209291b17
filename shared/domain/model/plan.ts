/**
 * Implementation plans (§4.3: 进度安排, 定期考核指标) of designated alliances, and closing an
 * alliance. A plan starts from the application's work plan and indicators; every change is kept.
 */
import type { Indicator } from './alliance.ts';
import type { Flat } from './flat.ts';

export const milestoneStatuses = ['planned', 'done', 'delayed', 'dropped'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export type Milestone = {
  /** Lower-case id, e.g. prototype. */
  id: string;
  title: string;
  due: string;
  status: MilestoneStatus;
  /** Set when the milestone is done. */
  completedOn?: string | undefined;
  note?: string | undefined;
};

/** The content of a plan: milestones with dates, assessment indicators with targets. */
export type PlanContent = {
  milestones: Milestone[];
  indicators: Indicator[];
};

/** A change of the plan, based on its current version. */
export type PlanUpdate = Flat<
  PlanContent & {
    version: number;
    /** Why the plan changes (kept in its history). */
    reason: string;
  }
>;

export type PlanChange = {
  version: number;
  at: string;
  by: string;
  reason: string;
};

export type Plan = Flat<
  PlanContent & {
    allianceId: string;
    version: number;
    updatedAt: string;
    updatedBy: string;
    history: PlanChange[];
  }
>;

/** How an alliance ends: completed (its completion report accepted) or terminated early. */
export const closeOutcomes = ['completed', 'terminated'] as const;
export type CloseOutcome = (typeof closeOutcomes)[number];

export type CloseAlliance = {
  outcome: CloseOutcome;
  reason: string;
};
