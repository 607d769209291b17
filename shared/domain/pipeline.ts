/**
 * The round pipeline in one table (domain.md "Lifecycle", steps 2–6). Each row is one state of the
 * state machine (statemachines/round-pipeline.ts), in lifecycle order: its Step Functions name, the
 * `action` its Lambda task sends to the pipeline function (functions/pipeline/handler.ts), the
 * lifecycle stage it belongs to (a task that records a stage records this one, so
 * GET /v1/rounds/{id}/pipeline can say where a round is), and for a callback gate, the gate's name
 * and who it waits on. State names, actions, stages and gates are all read from here.
 */
import type { Lang, Text } from './text.ts';

interface PipelineRow {
  /** The Step Functions state name: part of the contract with the local runner; keep it stable. */
  readonly state: string;
  /** What the state's Lambda task asks the pipeline function to do (Map, Wait, Choice… have none). */
  readonly action?: string;
  /** The lifecycle stage the state belongs to. */
  readonly stage: string;
  /** A callback gate (waitForTaskToken): its name (the gate item's key) … */
  readonly gate?: string;
  /** … and who or what it waits on, as an admin reads it on the status page. */
  readonly waitsOn?: Text;
}

export const pipelineTable = [
  { state: 'CloseApplications', action: 'closeApplications', stage: 'closing-applications' },
  { state: 'StartScreening', stage: 'screening' },
  { state: 'ScreenBatch', action: 'screenBatch', stage: 'screening' },
  { state: 'ScreeningMore', stage: 'screening' },
  {
    state: 'AwaitScreeningDecisions',
    action: 'openGate',
    stage: 'screening',
    gate: 'screening',
    waitsOn: {
      en: 'admin: a pass/reject decision with a reason for every submitted alliance',
      zh: '管理员：对每个已提交的联盟作出通过或不通过的决定，并说明理由',
    },
  },
  { state: 'AssignReviewers', action: 'assignReviewers', stage: 'review' },
  {
    state: 'AwaitReviews',
    action: 'openGate',
    stage: 'review',
    gate: 'review',
    waitsOn: {
      en: 'reviewers: all assigned reviews, or the review deadline',
      zh: '评审专家：完成全部已分配的评审，或评审截止时间届满',
    },
  },
  { state: 'ReviewDeadlinePassed', stage: 'review' },
  { state: 'ConcludeReviews', action: 'concludeReviews', stage: 'review' },
  { state: 'RankAndSelect', action: 'rankAndSelect', stage: 'selection' },
  {
    state: 'AwaitSelectionApproval',
    action: 'openGate',
    stage: 'selection',
    gate: 'selection-approval',
    waitsOn: { en: 'admin: approval of the selection', zh: '管理员：批准遴选结果' },
  },
  { state: 'StartApplySelection', stage: 'selection' },
  { state: 'ApplySelection', action: 'applySelection', stage: 'selection' },
  { state: 'ApplySelectionMore', stage: 'selection' },
  { state: 'PublishNotice', action: 'publishNotice', stage: 'public-notice' },
  { state: 'WaitNoticePeriod', stage: 'public-notice' },
  { state: 'CheckObjections', action: 'checkObjections', stage: 'objections' },
  { state: 'ObjectionsOpen', stage: 'objections' },
  {
    state: 'AwaitObjectionResolutions',
    action: 'openGate',
    stage: 'objections',
    gate: 'objections',
    waitsOn: { en: 'admin: a resolution of every open objection', zh: '管理员：处理每一项未决异议' },
  },
  { state: 'CheckSupplement', action: 'checkSupplement', stage: 'supplement' },
  { state: 'SupplementNext', stage: 'supplement' },
  {
    state: 'AwaitSupplementDecision',
    action: 'openGate',
    stage: 'supplement',
    gate: 'supplement',
    waitsOn: {
      en: 'admin: whether to fill the freed budget from the ranked list (递补), with a reason',
      zh: '管理员：决定是否以释放的经费按排名递补，并说明理由',
    },
  },
  { state: 'WaitSupplementaryNotice', stage: 'supplement' },
  { state: 'EndSupplementaryNotice', action: 'endSupplementaryNotice', stage: 'supplement' },
  { state: 'StartDesignation', stage: 'designation' },
  { state: 'DesignateBatch', action: 'designateBatch', stage: 'designation' },
  { state: 'DesignationMore', stage: 'designation' },
  { state: 'CompleteDesignation', action: 'completeDesignation', stage: 'implementation' },
  { state: 'PipelineComplete', stage: 'implementation' },
  { state: 'RecordFailure', action: 'recordFailure', stage: 'failed' },
  { state: 'PipelineFailed', stage: 'failed' },
] as const satisfies readonly PipelineRow[];

type Row = (typeof pipelineTable)[number];
type GateRow = Extract<Row, { gate: string }>;

export type PipelineStateName = Row['state'];
export type PipelineAction = Extract<Row, { action: string }>['action'];
export type GateName = GateRow['gate'];
/** 'starting': the pipeline has been started and no state has recorded a stage yet. */
export type PipelineStage = 'starting' | Row['stage'];

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The stages in lifecycle order ('failed' last: it is where any stage may end). */
export const pipelineStages: readonly PipelineStage[] = [
  'starting',
  ...unique(pipelineTable.map((r) => r.stage)),
];

/** Every action the pipeline function accepts, in lifecycle order. */
export const pipelineActions: readonly PipelineAction[] = unique(
  pipelineTable.flatMap((r): PipelineAction[] => ('action' in r ? [r.action] : [])),
);

const gateRows: readonly GateRow[] = pipelineTable.filter((r): r is GateRow => 'gate' in r);

/** The callback gates, in lifecycle order. */
export const gateNames = gateRows.map((r) => r.gate) as [GateName, ...GateName[]];

function rowOf<R extends Row>(rows: readonly R[], matches: (row: R) => boolean, what: string): R {
  const row = rows.find(matches);
  if (!row) throw new Error(`pipeline table: no row for ${what}`);
  return row;
}

/** The row of a state. */
export const pipelineRow = (state: PipelineStateName): Row =>
  rowOf(pipelineTable, (r) => r.state === state, `state ${state}`);

/** The row of a gate. */
export const gateRow = (gate: GateName): GateRow => rowOf(gateRows, (r) => r.gate === gate, `gate ${gate}`);

/** The stage a task of `action` records (the stage of the first state sending it). */
export const stageOfAction = (action: PipelineAction): PipelineStage =>
  rowOf(pipelineTable, (r) => 'action' in r && r.action === action, `action ${action}`).stage;

/**
 * "Waits on" as stored on the status item (English, as written by the task), in `lang`: a gate's
 * words are shown in the language asked for; anything else as stored.
 */
export function waitingOnIn(stored: string, lang: Lang): string {
  return gateRows.find((r) => r.waitsOn.en === stored)?.waitsOn[lang] ?? stored;
}

/** The stages a round may be in when it enters `stage` (lifecycle order; 'failed' from any other). */
export function stagesBefore(stage: PipelineStage): PipelineStage[] {
  if (stage === 'failed') return pipelineStages.filter((s) => s !== 'failed');
  return pipelineStages.slice(0, pipelineStages.indexOf(stage));
}

/** Step Functions execution name for a round: deterministic, so a second start is harmless. */
export function executionNameForRound(roundId: string): string {
  return `round-${roundId}`;
}

/** The component that names the round pipeline in status histories and audit records. */
export const PIPELINE_COMPONENT = 'round-pipeline';

/**
 * What a person may read of a failed step: its error name and one line of message. A Lambda error's
 * cause is JSON ({"errorType","errorMessage","trace"}): only the message is kept, never the trace.
 */
export function failureSummary(error: string, cause: string): { error: string; message: string } {
  let message = cause;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (parsed && typeof parsed === 'object' && typeof parsed.errorMessage === 'string')
      message = parsed.errorMessage;
  } catch {
    // not JSON: a States.* cause or a plain message
  }
  const line = message.split('\n')[0]!.trim();
  return { error, message: line.length > 300 ? `${line.slice(0, 299)}…` : line };
}

/** The name of a retry's execution: round-<id> for the first run, round-<id>-<n> for the n-th. */
export function executionNameForAttempt(roundId: string, attempt: number): string {
  return attempt <= 1 ? executionNameForRound(roundId) : `${executionNameForRound(roundId)}-${attempt}`;
}

/**
 * The action whose step failed, from a failure's cause: the pipeline Lambda prefixes its error
 * messages with "[action] " (functions/pipeline/handler.ts). Undefined for failures of Step
 * Functions itself (e.g. a gate's States.Timeout).
 */
export function failedAction(cause: string): PipelineAction | undefined {
  let message = cause;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (parsed && typeof parsed === 'object' && typeof parsed.errorMessage === 'string')
      message = parsed.errorMessage;
  } catch {
    // not JSON
  }
  const action = /^\[(\w+)\] /.exec(message)?.[1];
  if (action === 'openGate' || action === 'recordFailure') return undefined; // no stage of their own
  return (pipelineActions as readonly string[]).includes(action ?? '')
    ? (action as PipelineAction)
    : undefined;
}
