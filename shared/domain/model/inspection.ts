/**
 * Irregular inspections (§4.4): the inspectors' registry, risk-weighted draws of designated
 * alliances (shared/domain/inspection-draw.ts), the inspections they plan, and their findings.
 */
import type { RiskFeatures, RiskParts } from '../inspection-draw.ts';
import type { Flat } from './flat.ts';

/** An inspector as an admin registers them. */
export type InspectorInput = {
  name: string;
  /** Organisations the inspector belongs to. */
  affiliations: string[];
  /** Organisations the inspector declares a conflict with. */
  conflicts: string[];
};

export type InspectorRecord = Flat<
  InspectorInput & {
    /** The inspector's user id (the token's sub). */
    inspectorId: string;
    registeredAt: string;
    updatedAt: string;
  }
>;

/** What an admin asks of a draw (a monthly draw uses the defaults). */
export type DrawRequest = {
  /** Share of the candidates to draw (default 0.1). */
  share?: number | undefined;
  /** Default: a random one (always recorded). */
  seed?: string | undefined;
  /** Compute and show the draw without recording it. */
  dryRun: boolean;
  /** The instant the risk features are evaluated at (default: now); recorded. */
  asOf?: string | undefined;
  /** Draw among these designated alliances only (default: all). */
  allianceIds?: string[] | undefined;
};

export const drawKinds = ['monthly', 'ad-hoc'] as const;
export type DrawKind = (typeof drawKinds)[number];

/** A designated alliance the draw chose among, with its risk weight and what it was made of. */
export type DrawCandidateRecord = {
  allianceId: string;
  weight: number;
  parts: RiskParts;
  features: RiskFeatures;
};

/** A picked alliance, the inspector assigned (null: none free of conflicts) and its inspection. */
export type DrawAssignment = {
  allianceId: string;
  inspectorId: string | null;
  inspectionId: string;
  reason: string;
};

/** A draw, recorded with everything needed to re-run it. */
export type DrawRecord = {
  drawId: string;
  kind: DrawKind;
  dryRun: boolean;
  seed: string;
  share: number;
  n: number;
  asOf: string;
  algorithm: string;
  candidates: DrawCandidateRecord[];
  picks: string[];
  assignments: DrawAssignment[];
  restrictedTo?: string[] | undefined;
  at: string;
  by: string;
};

export const ratings = ['excellent', 'good', 'fair', 'poor'] as const;
export type Rating = (typeof ratings)[number];

export type FollowUpAction = {
  action: string;
  due?: string | undefined;
};

/** The assigned inspector's findings. */
export type FindingsInput = {
  findings: string;
  rating: Rating;
  followUpActions: FollowUpAction[];
};

export const inspectionStatuses = ['planned', 'unassigned', 'completed'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export type InspectionRecord = {
  inspectionId: string;
  drawId: string;
  allianceId: string;
  allianceName?: string | undefined;
  inspectorId: string | null;
  status: InspectionStatus;
  weight: number;
  assignmentReason: string;
  drawnAt: string;
  completedAt?: string | undefined;
  findings?: string | undefined;
  rating?: Rating | undefined;
  followUpActions?: FollowUpAction[] | undefined;
  /** Set by a 'poor' rating. */
  followUpDeadline?: { kind: 'follow-up'; due: string } | undefined;
  version: number;
};
