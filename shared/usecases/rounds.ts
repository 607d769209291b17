/** Funding rounds: admins create and adjust them; anyone may read them; closing starts the pipeline. */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Round, RoundInput } from '../api/rounds.ts';
import { documentClient } from '../aws/clients.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { conditionFailed, decodeCursor, encodeCursor, stripKeys, table } from '../db/table.ts';
import type { Principal } from '../http/auth.ts';
import { conflict, notFound, versionConflict } from '../http/errors.ts';
import { startRoundPipeline } from '../pipeline/start.ts';

const indexFields = (round: Pick<Round, 'year' | 'createdAt' | 'id'>) => ({
  gsi1pk: indexKeys.rounds(),
  gsi1sk: `${round.year}#${round.createdAt}#${round.id}`,
});

export async function loadRound(roundId: string): Promise<Round | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.round(roundId) }),
  );
  return Item && Item.type === 'round' ? stripKeys<Round>(Item) : undefined;
}

export async function getRound(roundId: string): Promise<Round> {
  const round = await loadRound(roundId);
  if (!round) throw notFound(`round ${roundId}`);
  return round;
}

export async function createRound(principal: Principal, input: RoundInput, now = new Date()): Promise<Round> {
  const at = now.toISOString();
  const round: Round = {
    ...input,
    id: `r-${randomUUID()}`,
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.round(round.id), type: 'round', ...indexFields(round), ...round },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        auditPut(
          table(),
          keys.round(round.id).pk,
          {
            action: 'round.created',
            actor: userActor(principal),
            reason: `budget ¥${input.budget}, cap ¥${input.perAllianceCap}, window ${input.applicationWindow.opensAt} – ${input.applicationWindow.closesAt}`,
          },
          now,
        ),
      ],
    }),
  );
  return round;
}

export async function updateRound(
  principal: Principal,
  roundId: string,
  input: RoundInput & { version: number },
  now = new Date(),
): Promise<Round> {
  const current = await getRound(roundId);
  if (current.status !== 'open')
    throw conflict(`round ${roundId} is ${current.status}; only an open round can be changed`);
  const { version, ...fields } = input;
  if (version !== current.version) throw versionConflict(version);
  const round: Round = {
    ...fields,
    id: roundId,
    status: current.status,
    version: version + 1,
    createdAt: current.createdAt,
    updatedAt: now.toISOString(),
  };
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...keys.round(roundId), type: 'round', ...indexFields(round), ...round },
              ConditionExpression: 'version = :v AND #status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':v': version, ':open': 'open' },
            },
          },
          auditPut(
            table(),
            keys.round(roundId).pk,
            { action: 'round.updated', actor: userActor(principal), data: { version: round.version } },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0)) throw versionConflict(version);
    throw error;
  }
  return round;
}

export async function listRounds(cursor: string | undefined, limit: number) {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.rounds() },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, indexKeys.rounds(), 'gsi1pk'),
    }),
  );
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return {
    items: (out.Items ?? []).map((item) => stripKeys<Round>(item)),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** An admin closes the round now: the pipeline starts (named from the round id: a second close is harmless). */
export async function closeRound(principal: Principal, roundId: string, reason: string, now = new Date()) {
  const round = await getRound(roundId);
  const started = await startRoundPipeline(roundId, `admin ${principal.username}`);
  if (!started.alreadyStarted) {
    await documentClient().send(
      new PutCommand({
        ...auditPut(
          table(),
          keys.round(roundId).pk,
          { action: 'round.close-requested', actor: userActor(principal), reason },
          now,
        ).Put!,
      }),
    );
  }
  return { roundId: round.id, alreadyStarted: started.alreadyStarted };
}
