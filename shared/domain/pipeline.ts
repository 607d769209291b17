/**
 * The round pipeline's stages, in lifecycle order (domain.md "Lifecycle", steps 2–6). The state
 * machine in statemachines/round-pipeline.ts moves a round through them; each task records the
 * stage it enters so GET /v1/rounds/{id}/pipeline can say where a round is and what it waits on.
 */
export const pipelineStages = [
  'starting',
  'closing-applications',
  'screening',
  'review',
  'selection',
  'public-notice',
  'objections',
  'designation',
  'implementation',
  'failed',
] as const;
export type PipelineStage = (typeof pipelineStages)[number];

/** The stages a round may be in when it enters `stage` (lifecycle order; 'failed' from any other). */
export function stagesBefore(stage: PipelineStage): PipelineStage[] {
  if (stage === 'failed') return pipelineStages.filter((s) => s !== 'failed');
  return pipelineStages.slice(0, pipelineStages.indexOf(stage));
}

export type GateName = 'screening' | 'review' | 'selection-approval' | 'objections';

/** Who a gate waits on, in words an admin reads on the status page. */
export const gateWaitsOn: Record<GateName, string> = {
  screening: 'admin: a pass/reject decision with a reason for every submitted alliance',
  review: 'reviewers: all assigned reviews, or the review deadline',
  'selection-approval': 'admin: approval of the selection',
  objections: 'admin: a resolution of every open objection',
};

export const gateStage: Record<GateName, PipelineStage> = {
  screening: 'screening',
  review: 'review',
  'selection-approval': 'selection',
  objections: 'objections',
};

/** Step Functions execution name for a round: deterministic, so a second start is harmless. */
export function executionNameForRound(roundId: string): string {
  return `round-${roundId}`;
}
