/**
 * The round's own pipeline steps: closing the application window (CloseApplications), opening a
 * callback gate (the Open… states: the token stored, the stage recorded with what it waits on), and
 * recording a failure (RecordFailure: the stage, the error and an audit record).
 */
import { commitTask, enterStage, loadPipeline, openGateItem, setWaitingOn } from '../../../db/pipeline.ts';
import { loadRoundStatus, roundAudit, roundClosedUpdate } from '../../../db/rounds.ts';
import { systemActor } from '../../../domain/actors.ts';
import {
  PIPELINE_COMPONENT as COMPONENT,
  failedAction,
  failureSummary,
  type GateName,
  gateRow,
  stageOfAction,
} from '../../../domain/pipeline.ts';
import { TaskError } from '../../../errors.ts';
import { completeGate, gateSatisfied, loadGate } from '../gates.ts';

export async function closeApplications(input: { roundId: string; executionId: string }) {
  const round = await loadRoundStatus(input.roundId);
  if (!round) throw new TaskError('RoundNotFound', `round ${input.roundId} does not exist`);
  const now = new Date();
  if (round.status === 'open') {
    // A concurrent or earlier attempt that closed it first (cancelled transaction): the same outcome.
    await commitTask([
      roundClosedUpdate(input.roundId, now),
      roundAudit(
        input.roundId,
        {
          action: 'round.applications-closed',
          actor: systemActor(COMPONENT, input.executionId),
          reason: 'the application window closed and the round pipeline started',
        },
        now,
      ),
    ]);
  } else if (round.status !== 'closed' && round.status !== 'funded') {
    // closed: a retried or restarted run passes through; funded: the round is already done.
    throw new TaskError('RoundNotOpen', `round ${input.roundId} is ${String(round.status)}, not open`);
  }
  await enterStage(
    {
      roundId: input.roundId,
      stage: stageOfAction('closeApplications'),
      by: COMPONENT,
      note: 'applications closed',
    },
    now,
  );
  return { roundId: input.roundId, closed: true };
}

/**
 * Stores the gate's task token (the latest opener's token is the live one) and records the stage
 * with what it waits on. Then, if what the gate waits for already holds — a restarted or retried
 * run reaching a gate the people already got past — it completes itself at once, so no round is
 * stranded at a gate nobody will act on again.
 */
export async function openGate(input: {
  roundId: string;
  executionId: string;
  gate: GateName;
  taskToken: string;
}) {
  const { gate, stage, waitsOn } = gateRow(input.gate);
  const previous = await loadGate(input.roundId, gate);
  await openGateItem({ ...input, waitingOn: waitsOn.en });
  const entered = await enterStage({ roundId: input.roundId, stage, by: COMPONENT, waitingOn: waitsOn.en });
  const satisfied = await gateSatisfied(input.roundId, gate, previous);
  const selfCompleted = satisfied
    ? await completeGate(input.roundId, gate, { ...satisfied, resumed: true }, COMPONENT)
    : false;
  // A gate opened again in a later stage (objections to a supplementary notice): the status page
  // still says what the run waits on now.
  if (!satisfied && !entered) await setWaitingOn(input.roundId, waitsOn.en);
  return { roundId: input.roundId, gate, opened: true, selfCompleted };
}

/** Records that the pipeline failed: the stage, the error and its cause, and an audit record. */
export async function recordFailure(input: {
  roundId: string;
  executionId: string;
  error?: string | undefined;
  cause?: string | undefined;
}) {
  const error = input.error ?? 'Error';
  const cause = input.cause ?? '';
  const summary = failureSummary(error, cause);
  // The stage of the step that failed (from the "[action]" its error names), else the stage the
  // run was in: a retry resumes there.
  const action = failedAction(cause);
  const current = await loadPipeline(input.roundId);
  const stage = action
    ? stageOfAction(action)
    : current && current.stage !== 'failed'
      ? current.stage
      : current?.failure?.stage;
  await enterStage({
    roundId: input.roundId,
    stage: stageOfAction('recordFailure'),
    status: 'FAILED',
    by: COMPONENT,
    note: `${summary.error}: ${summary.message}`,
    extra: { failure: { error, cause: cause.slice(0, 2000), ...(stage ? { stage } : {}) } },
  });
  await commitTask([
    roundAudit(input.roundId, {
      action: 'pipeline.failed',
      actor: systemActor(COMPONENT, input.executionId),
      reason: `${summary.error}: ${summary.message}`,
      data: { error, cause: cause.slice(0, 2000), ...(stage ? { stage } : {}) },
    }),
  ]);
  return { roundId: input.roundId, recorded: true };
}
