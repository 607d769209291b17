/**
 * The round pipeline's Lambda tasks (statemachines/round-pipeline.ts). The actions are the pipeline
 * table's (shared/domain/pipeline.ts): `tasks` below gives each its input and its step, and both the
 * input schema and the dispatch are read from it. Input is validated; every action is idempotent,
 * so Step Functions' retries (and a restarted execution) never duplicate anything. Executions pass
 * ids, never documents.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { IdSchema } from '../../shared/api/common.ts';
import { gateNames, type PipelineAction, pipelineActions } from '../../shared/domain/pipeline.ts';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import * as steps from '../../shared/usecases/pipeline/stages/index.ts';

const Base = z.object({ roundId: IdSchema, executionId: z.string().min(1) });
type BaseShape = typeof Base.shape;

/** One action: what its input carries besides the round and execution ids, and what it does. */
interface Task<S extends z.ZodRawShape> {
  shape: S;
  run: (input: z.output<z.ZodObject<BaseShape & S>>) => Promise<unknown>;
}
const task = <S extends z.ZodRawShape>(shape: S, run: Task<S>['run']): Task<S> => ({ shape, run });

/** A paged step's input: the cursor the previous page returned (null for the first) and the count so far. */
const paged = {
  cursor: z.string().min(1).max(2048).nullable().optional(),
  processed: z.number().int().min(0).optional(),
};

const tasks = {
  closeApplications: task({}, (t) => steps.closeApplications(t)),
  screenBatch: task(paged, (t) => steps.screenBatch(t)),
  openGate: task({ gate: z.enum(gateNames), taskToken: z.string().min(1) }, (t) => steps.openGate(t)),
  assignReviewers: task({}, (t) => steps.assignRoundReviewers(t.roundId, t.executionId)),
  concludeReviews: task({}, (t) => steps.concludeReviews(t.roundId, t.executionId)),
  rankAndSelect: task({}, (t) => steps.rankAndSelect(t.roundId, t.executionId)),
  applySelection: task(paged, (t) => steps.applySelectionPage(t)),
  publishNotice: task({}, (t) => steps.publishNotice(t.roundId, t.executionId)),
  checkObjections: task({}, (t) => steps.checkObjections(t.roundId)),
  checkSupplement: task({}, (t) => steps.checkSupplement(t.roundId)),
  endSupplementaryNotice: task({}, (t) => steps.endSupplementaryNotice(t.roundId)),
  designateBatch: task(paged, (t) => steps.designateBatch(t)),
  completeDesignation: task({}, (t) => steps.completeDesignation(t.roundId, t.executionId)),
  recordFailure: task({ error: z.string().optional(), cause: z.string().optional() }, (t) =>
    steps.recordFailure(t),
  ),
} satisfies Record<PipelineAction, { shape: z.ZodRawShape; run: (_input: never) => Promise<unknown> }>;

type Tasks = typeof tasks;

/** A parsed task: its action and its input. */
export type PipelineTask = {
  [A in PipelineAction]: { action: A } & Parameters<Tasks[A]['run']>[0];
}[PipelineAction];

const [first, ...rest] = pipelineActions.map((action) =>
  Base.extend({ action: z.literal(action), ...tasks[action].shape }),
);
export const PipelineTaskSchema = z.discriminatedUnion('action', [first!, ...rest]);

export async function runTask(event: unknown) {
  const parsed = PipelineTaskSchema.safeParse(event);
  if (!parsed.success) {
    throw invalidInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const input = parsed.data as PipelineTask;
  logger.appendKeys({ roundId: input.roundId, action: input.action });
  const run = tasks[input.action].run as (input: PipelineTask) => Promise<unknown>;
  try {
    return await run(input);
  } catch (error) {
    // The error keeps its name (what Retry/Catch match); its message says which step failed, so
    // RecordFailure knows the stage a retry resumes at (see failedAction).
    if (error instanceof Error && !error.message.startsWith('['))
      error.message = `[${input.action}] ${error.message}`;
    throw error;
  }
}

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((event) => runTask(event));
