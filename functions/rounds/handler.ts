/** Round routes: admins create, change and close rounds; anyone reads them; admins see the pipeline. */
import { DescribeExecutionCommand, ExecutionDoesNotExist } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, sfnClient } from '../../shared/aws/clients.ts';
import { env } from '../../shared/config.ts';
import { keys } from '../../shared/db/keys.ts';
import { executionNameForRound } from '../../shared/domain/pipeline.ts';
import { ApiError, notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assignments, closeReviews, listReviewers, registerReviewer } from '../../shared/usecases/reviews.ts';
import {
  closeRound,
  createRound,
  getRound,
  listRounds,
  roundHistory,
  updateRound,
} from '../../shared/usecases/rounds.ts';
import { completeScreening, decide, listScreening } from '../../shared/usecases/screening.ts';
import {
  approveSelection,
  listObjections,
  ranking,
  resolveObjection,
} from '../../shared/usecases/selection.ts';

type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'NOT_STARTED';

export const handler = httpHandler('rounds', {
  async listRounds({ query }) {
    return { body: await listRounds(query.cursor, query.limit) };
  },
  async createRound({ principal, body }) {
    return { status: 201, body: await createRound(principal, body) };
  },
  async getRound({ params }) {
    return { body: await getRound(params.roundId) };
  },
  async updateRound({ principal, params, body }) {
    return { body: await updateRound(principal, params.roundId, body) };
  },
  async closeRound({ principal, params, body }) {
    return { status: 202, body: await closeRound(principal, params.roundId, body.reason) };
  },
  async getRoundHistory({ params, query }) {
    return { body: await roundHistory(params.roundId, query.cursor, query.limit) };
  },
  async listScreening({ params }) {
    return { body: await listScreening(params.roundId) };
  },
  async decideScreening({ principal, params, body }) {
    return { body: await decide(principal, params.roundId, params.allianceId, body) };
  },
  async completeScreening({ principal, params }) {
    return { body: await completeScreening(principal, params.roundId) };
  },
  async registerReviewer({ principal, params, body }) {
    if (body.reviewerId !== params.reviewerId) {
      throw new ApiError(400, 'validation_failed', { summary: 'body.reviewerId must equal the path' }, [
        { path: 'body.reviewerId', code: 'mismatch', message: 'must equal the reviewerId in the path' },
      ]);
    }
    return { body: await registerReviewer(principal, params.roundId, body) };
  },
  async listReviewers({ params }) {
    return { body: { items: await listReviewers(params.roundId) } };
  },
  async listAssignments({ params, query }) {
    return { body: await assignments(params.roundId, query.preview === 'true', query.seed) };
  },
  async closeReviews({ principal, params, body }) {
    return { body: await closeReviews(principal, params.roundId, body.reason) };
  },
  async getRanking({ params }) {
    return { body: await ranking(params.roundId) };
  },
  async approveSelection({ principal, params, body }) {
    return { body: await approveSelection(principal, params.roundId, body) };
  },
  async listObjections({ params }) {
    return { body: await listObjections(params.roundId) };
  },
  async resolveObjection({ principal, params, body }) {
    return { body: await resolveObjection(principal, params.roundId, params.objectionId, body) };
  },

  async getRoundPipeline({ params }) {
    const tableName = env('tableName');
    const { Item: item } = await documentClient().send(
      new GetCommand({ TableName: tableName, Key: keys.pipeline(params.roundId) }),
    );
    if (!item) {
      const round = await documentClient().send(
        new GetCommand({ TableName: tableName, Key: keys.round(params.roundId) }),
      );
      if (!round.Item) throw notFound(`round ${params.roundId}`);
      return {
        body: {
          roundId: params.roundId,
          executionName: executionNameForRound(params.roundId),
          status: 'NOT_STARTED',
          stage: 'not-started',
          history: [],
        },
      };
    }
    let status = item.status as ExecutionStatus;
    if (typeof item.executionArn === 'string') {
      try {
        const execution = await sfnClient().send(
          new DescribeExecutionCommand({ executionArn: item.executionArn }),
        );
        status = (execution.status as ExecutionStatus | undefined) ?? status;
      } catch (error) {
        if (!(error instanceof ExecutionDoesNotExist)) throw error;
      }
    }
    return {
      body: {
        roundId: params.roundId,
        executionName: executionNameForRound(params.roundId),
        status,
        stage: item.stage,
        ...(item.waitingOn ? { waitingOn: item.waitingOn } : {}),
        startedAt: item.startedAt,
        updatedAt: item.updatedAt,
        history: item.history ?? [],
      },
    };
  },
});
