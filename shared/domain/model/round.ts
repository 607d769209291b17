/** Funding rounds: budget, caps, window, review settings, rubric, notice period, priorities. */
import type { Flat } from './flat.ts';

/** One criterion of the review rubric. */
export type RubricCriterion = {
  /** Lower-case id, e.g. innovation. */
  id: string;
  name: string;
  description?: string | undefined;
  /** Weight in percent; the weights of a rubric sum to 100. */
  weight: number;
  /** Highest score a reviewer may give. */
  max: number;
};

/** A priority sector (§3.3): points added to the score of an alliance in it. */
export type PrioritySector = {
  /** Lower-case id, e.g. optoelectronics. */
  id: string;
  name: string;
  bonus: number;
};

/** How the funded alliances are chosen within the budget (shared/domain/selection.ts). */
export const selectionPolicies = ['rank-order', 'max-merit'] as const;
export type SelectionPolicy = (typeof selectionPolicies)[number];

/** open: accepting applications in its window; closed: the pipeline has started. */
export const roundStatuses = ['open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** The settings of a round, as an admin gives them (defaults filled in). */
export type RoundInput = {
  name: string;
  year: number;
  /** Total programme funding for the round, whole yuan. */
  budget: number;
  /** Most any one alliance may be awarded, whole yuan. */
  perAllianceCap: number;
  /** A3: the enterprises' own share of an alliance's total budget, at least (percent). */
  enterpriseContributionMinPercent: number;
  applicationWindow: { opensAt: string; closesAt: string };
  reviewDeadline: string;
  reviewersPerAlliance: number;
  rubric: RubricCriterion[];
  noticePeriodDays: number;
  prioritySectors: PrioritySector[];
  /** §3.3 preferences: several enterprises and several societies; more than one sector. */
  bonuses: { multipleEnterprisesAndSocieties: number; crossSector: number };
  selectionPolicy: SelectionPolicy;
};

export type Round = Flat<
  RoundInput & {
    id: string;
    status: RoundStatus;
    version: number;
    createdAt: string;
    updatedAt: string;
  }
>;
