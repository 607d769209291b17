/**
 * The round pipeline's Lambda tasks (statemachines/round-pipeline.ts). Input is validated; every
 * action is idempotent, so Step Functions' retries (and a restarted execution) never duplicate
 * anything. Executions pass ids, never documents.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import * as z from 'zod';
import { IdSchema } from '../../shared/api/common.ts';
import { documentClient } from '../../shared/aws/clients.ts';
import { env } from '../../shared/config.ts';
import { auditPut, systemActor } from '../../shared/db/audit.ts';
import { keys } from '../../shared/db/keys.ts';
import { type GateName, gateStage, gateWaitsOn } from '../../shared/domain/pipeline.ts';
import { invalidInput, TaskError } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import * as steps from '../../shared/pipeline/stages/index.ts';
import { enterStage } from '../../shared/pipeline/status.ts';

const Base = z.object({ roundId: IdSchema, executionId: z.string().min(1) });

const ForAlliance = Base.extend({ allianceId: IdSchema });

export const PipelineTaskSchema = z.discriminatedUnion('action', [
  Base.extend({ action: z.literal('closeApplications') }),
  Base.extend({ action: z.literal('listSubmitted') }),
  ForAlliance.extend({ action: z.literal('screenAlliance') }),
  Base.extend({ action: z.literal('assignReviewers') }),
  Base.extend({ action: z.literal('concludeReviews') }),
  Base.extend({ action: z.literal('rankAndSelect') }),
  Base.extend({ action: z.literal('publishNotice') }),
  Base.extend({ action: z.literal('checkObjections') }),
  Base.extend({ action: z.literal('listDesignated') }),
  ForAlliance.extend({ action: z.literal('designate') }),
  Base.extend({ action: z.literal('completeDesignation') }),
  Base.extend({
    action: z.literal('openGate'),
    gate: z.enum(['screening', 'review', 'selection-approval', 'objections']),
    taskToken: z.string().min(1),
  }),
  Base.extend({
    action: z.literal('recordFailure'),
    error: z.string().optional(),
    cause: z.string().optional(),
  }),
]);
export type PipelineTask = z.infer<typeof PipelineTaskSchema>;

const COMPONENT = 'round-pipeline';

async function closeApplications(task: Extract<PipelineTask, { action: 'closeApplications' }>) {
  const tableName = env('tableName');
  const round = await documentClient().send(
    new GetCommand({ TableName: tableName, Key: keys.round(task.roundId), ConsistentRead: true }),
  );
  if (!round.Item) throw new TaskError('RoundNotFound', `round ${task.roundId} does not exist`);
  const now = new Date();
  if (round.Item.status === 'open') {
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: keys.round(task.roundId),
                UpdateExpression: 'SET #status = :closed, closedAt = :now, version = version + :one',
                ConditionExpression: '#status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':closed': 'closed',
                  ':open': 'open',
                  ':now': now.toISOString(),
                  ':one': 1,
                },
              },
            },
            auditPut(
              tableName,
              keys.round(task.roundId).pk,
              {
                action: 'round.applications-closed',
                actor: systemActor(COMPONENT, task.executionId),
                reason: 'the application window closed and the round pipeline started',
              },
              now,
            ),
          ],
        }),
      );
    } catch (error) {
      // A concurrent or earlier attempt closed it first: the outcome is the same.
      if (!(error instanceof TransactionCanceledException)) throw error;
    }
  } else if (round.Item.status !== 'closed') {
    throw new TaskError('RoundNotOpen', `round ${task.roundId} is ${String(round.Item.status)}, not open`);
  }
  await enterStage(
    { roundId: task.roundId, stage: 'closing-applications', by: COMPONENT, note: 'applications closed' },
    now,
  );
  return { roundId: task.roundId, closed: true };
}

async function openGate(task: Extract<PipelineTask, { action: 'openGate' }>) {
  const gate: GateName = task.gate;
  const now = new Date().toISOString();
  // The latest token wins: a retried or restarted task replaces the gate with its own token.
  await documentClient().send(
    new PutCommand({
      TableName: env('tableName'),
      Item: {
        ...keys.gate(task.roundId, gate),
        type: 'gate',
        roundId: task.roundId,
        gate,
        status: 'open',
        taskToken: task.taskToken,
        executionId: task.executionId,
        openedAt: now,
        waitingOn: gateWaitsOn[gate],
      },
    }),
  );
  await enterStage({
    roundId: task.roundId,
    stage: gateStage[gate],
    by: COMPONENT,
    waitingOn: gateWaitsOn[gate],
  });
  return { roundId: task.roundId, gate, opened: true };
}

async function recordFailure(task: Extract<PipelineTask, { action: 'recordFailure' }>) {
  const tableName = env('tableName');
  await enterStage({
    roundId: task.roundId,
    stage: 'failed',
    status: 'FAILED',
    by: COMPONENT,
    note: `${task.error ?? 'Error'}: ${(task.cause ?? '').slice(0, 500)}`,
    extra: { failure: { error: task.error ?? 'Error', cause: (task.cause ?? '').slice(0, 2000) } },
  });
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          auditPut(tableName, keys.round(task.roundId).pk, {
            action: 'pipeline.failed',
            actor: systemActor(COMPONENT, task.executionId),
            reason: `${task.error ?? 'Error'}: ${(task.cause ?? '').slice(0, 500)}`,
          }),
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException))
      throw error;
  }
  return { roundId: task.roundId, recorded: true };
}

export async function runTask(event: unknown) {
  const parsed = PipelineTaskSchema.safeParse(event);
  if (!parsed.success) {
    throw invalidInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const task = parsed.data;
  logger.appendKeys({ roundId: task.roundId, action: task.action });
  switch (task.action) {
    case 'closeApplications':
      return closeApplications(task);
    case 'openGate':
      return openGate(task);
    case 'recordFailure':
      return recordFailure(task);
    case 'listSubmitted':
      return steps.listSubmitted(task.roundId);
    case 'screenAlliance':
      return steps.screenAlliance(task.roundId, task.allianceId);
    case 'assignReviewers':
      return steps.assignRoundReviewers(task.roundId, task.executionId);
    case 'concludeReviews':
      return steps.concludeReviews(task.roundId, task.executionId);
    case 'rankAndSelect':
      return steps.rankAndSelect(task.roundId, task.executionId);
    case 'publishNotice':
      return steps.publishNotice(task.roundId, task.executionId);
    case 'checkObjections':
      return steps.checkObjections(task.roundId);
    case 'listDesignated':
      return steps.listDesignated(task.roundId);
    case 'designate':
      return steps.designate(task.roundId, task.allianceId, task.executionId);
    case 'completeDesignation':
      return steps.completeDesignation(task.roundId, task.executionId);
  }
}

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((event) => runTask(event));
