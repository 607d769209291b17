/**
 * Selection (择优支持) and public notice (社会公示): an admin reads the ranking and the proposed
 * selection, approves it (adjusting with recorded reasons; the budget still holds), and resolves
 * objections; the public reads the notice and files objections during the notice period.
 */
import { randomUUID } from 'node:crypto';
import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, s3Client } from '../aws/clients.ts';
import { env } from '../config.ts';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { keys } from '../db/keys.ts';
import { queryAll } from '../db/query.ts';
import { fundedIds, loadSelection } from '../db/selection.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import { applyAdjustments } from '../domain/selection.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, conflict, notFound } from '../http/errors.ts';
import { noticeKeys, setAllianceStatus } from '../pipeline/stages/common.ts';
import { countOpenObjections } from '../pipeline/stages/notice.ts';
import { completeGate, loadGate } from './gates.ts';

export async function ranking(roundId: string) {
  const selection = await loadSelection(roundId);
  if (!selection) throw notFound(`a ranking of round ${roundId} (the pipeline has not reached selection)`);
  return selection;
}

export async function approveSelection(
  principal: Principal,
  roundId: string,
  input: {
    adjustments: { allianceId: string; action: 'include' | 'exclude'; reason: string }[];
    note?: string;
  },
  now = new Date(),
) {
  const selection = await ranking(roundId);
  const gate = await loadGate(roundId, 'selection-approval');
  if (selection.status !== 'proposed' || gate?.status !== 'open')
    throw conflict(`round ${roundId} is not waiting for a selection approval`);
  const known = new Set(selection.result.rows.map((r) => r.allianceId));
  const unknown = input.adjustments.filter((a) => !known.has(a.allianceId));
  if (unknown.length) {
    throw new ApiError(
      400,
      'validation_failed',
      { summary: 'body.adjustments: unknown alliances' },
      unknown.map((a) => ({
        path: 'body.adjustments',
        code: 'unknown_alliance',
        message: `${a.allianceId} is not in this round's ranking`,
      })),
    );
  }
  const adjusted = applyAdjustments(selection.result, input.adjustments, selection.budget);
  if ('error' in adjusted) {
    throw new ApiError(422, 'rule_violation', { rules: 'budget' }, (lang) => [
      { path: 'body.adjustments', code: 'budget', message: adjusted.error[lang], over: adjusted.over },
    ]);
  }
  const at = now.toISOString();
  const by = `${principal.username} (${principal.sub})`;
  const approved = {
    by,
    at,
    ...(input.note ? { note: input.note } : {}),
    adjustments: input.adjustments,
    result: adjusted,
  };
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.selection(roundId),
              UpdateExpression: 'SET #status = :approved, approved = :record',
              ConditionExpression: '#status = :proposed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':approved': 'approved',
                ':proposed': 'proposed',
                ':record': approved,
              },
            },
          },
          auditPut(
            table(),
            keys.round(roundId).pk,
            {
              action: 'selection.approved',
              actor: userActor(principal),
              reason:
                input.note ??
                `approved: ${adjusted.rows.filter((r) => r.funded).length} funded, ¥${adjusted.totalAwarded} of ¥${selection.budget}`,
              data: { adjustments: input.adjustments, totalAwarded: adjusted.totalAwarded },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0)) throw conflict(`the selection of round ${roundId} was approved meanwhile`);
    throw error;
  }
  // Each alliance learns its outcome, with the reason the selection gives it.
  for (const row of adjusted.rows) {
    await setAllianceStatus(
      row.allianceId,
      row.funded ? 'selected' : 'not-selected',
      ['in-review'],
      row.reason.en,
      `approval by ${by}`,
    );
  }
  await completeGate(roundId, 'selection-approval', { approved: true }, by);
  return {
    roundId,
    funded: adjusted.rows.filter((r) => r.funded).length,
    totalAwarded: adjusted.totalAwarded,
  };
}

async function loadNotice(roundId: string) {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.notice(roundId), ConsistentRead: true }),
  );
  if (!Item) throw notFound(`a public notice of round ${roundId}`);
  return Item as { publishedAt: string; endsAt: string; json: string; html: string };
}

export async function noticeDocument(roundId: string, format: 'json' | 'html') {
  await loadNotice(roundId);
  try {
    const out = await s3Client().send(
      new GetObjectCommand({ Bucket: env('noticesBucket'), Key: noticeKeys(roundId)[format] }),
    );
    return await out.Body!.transformToString('utf8');
  } catch (error) {
    if (error instanceof NoSuchKey) throw notFound(`a public notice of round ${roundId}`);
    throw error;
  }
}

export interface ObjectionRecord {
  id: string;
  roundId: string;
  allianceId: string;
  name: string;
  contact: string;
  text: string;
  status: 'open' | 'upheld' | 'dismissed';
  filedAt: string;
  resolution?: { outcome: 'upheld' | 'dismissed'; reason: string; by: string; at: string };
}

/** Anyone may object to an announced alliance during the notice period. */
export async function fileObjection(
  roundId: string,
  input: { allianceId: string; name: string; contact: string; text: string },
  sourceIp: string,
  now = new Date(),
) {
  const notice = await loadNotice(roundId);
  if (now.getTime() > Date.parse(notice.endsAt))
    throw conflict({
      en: `the notice period of round ${roundId} ended at ${notice.endsAt}`,
      zh: `申报批次 ${roundId} 的公示期已于 ${notice.endsAt} 结束`,
    });
  const selection = await ranking(roundId);
  if (!fundedIds(selection).includes(input.allianceId))
    throw notFound(`alliance ${input.allianceId} in this notice`);
  const objection: ObjectionRecord = {
    ...input,
    id: `o-${randomUUID()}`,
    roundId,
    status: 'open',
    filedAt: now.toISOString(),
  };
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.objection(roundId, objection.id), type: 'objection', sourceIp, ...objection },
          },
        },
        auditPut(
          table(),
          keys.round(roundId).pk,
          {
            action: 'objection.filed',
            actor: { kind: 'system', component: 'public' },
            reason: `objection to ${input.allianceId}`,
            data: { objectionId: objection.id, allianceId: input.allianceId },
          },
          now,
        ),
      ],
    }),
  );
  return {
    id: objection.id,
    roundId,
    allianceId: input.allianceId,
    status: objection.status,
    filedAt: objection.filedAt,
  };
}

export async function listObjections(roundId: string) {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.round(roundId).pk, ':prefix': 'OBJECTION#' },
    ConsistentRead: true,
  });
  return {
    items: items.map((i) => {
      const { sourceIp: _ip, ...rest } = stripKeys<ObjectionRecord & { sourceIp?: string }>(i);
      return rest;
    }),
  };
}

/** Upheld → the alliance is dropped from the selection; dismissed → it stays. Always with a reason. */
export async function resolveObjection(
  principal: Principal,
  roundId: string,
  objectionId: string,
  resolution: { outcome: 'upheld' | 'dismissed'; reason: string },
  now = new Date(),
) {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.objection(roundId, objectionId), ConsistentRead: true }),
  );
  if (!Item) throw notFound(`objection ${objectionId}`);
  const objection = stripKeys<ObjectionRecord>(Item);
  if (objection.status !== 'open') throw conflict(`objection ${objectionId} is already ${objection.status}`);
  const at = now.toISOString();
  const by = `${principal.username} (${principal.sub})`;
  const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    {
      Update: {
        TableName: table(),
        Key: keys.objection(roundId, objectionId),
        UpdateExpression: 'SET #status = :outcome, resolution = :resolution',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':outcome': resolution.outcome,
          ':open': 'open',
          ':resolution': { ...resolution, by, at },
        },
      },
    },
    auditPut(
      table(),
      keys.round(roundId).pk,
      {
        action: `objection.${resolution.outcome}`,
        actor: userActor(principal),
        reason: resolution.reason,
        data: { objectionId, allianceId: objection.allianceId },
      },
      now,
    ),
  ];
  if (resolution.outcome === 'upheld') {
    items.push(
      {
        Update: {
          TableName: table(),
          Key: keys.selection(roundId),
          UpdateExpression: 'SET dropped = list_append(if_not_exists(dropped, :empty), :drop)',
          ExpressionAttributeValues: {
            ':empty': [],
            ':drop': [{ allianceId: objection.allianceId, objectionId, at, reason: resolution.reason }],
          },
        },
      },
      allianceStatusUpdate({
        allianceId: objection.allianceId,
        to: 'dropped',
        from: ['selected'],
        at,
        by,
        reason: `objection upheld: ${resolution.reason}`,
      }),
      auditPut(
        table(),
        keys.alliance(objection.allianceId).pk,
        {
          action: 'alliance.dropped',
          actor: userActor(principal),
          reason: `objection ${objectionId} upheld: ${resolution.reason}`,
        },
        now,
      ),
    );
  }
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (conditionFailed(error)) throw conflict(`objection ${objectionId} was resolved meanwhile`);
    throw error;
  }
  const open = await countOpenObjections(roundId);
  const gate = await loadGate(roundId, 'objections');
  if (open === 0 && gate?.status === 'open')
    await completeGate(roundId, 'objections', { resolved: true }, by);
  return { ...objection, status: resolution.outcome, resolution: { ...resolution, by, at } };
}
