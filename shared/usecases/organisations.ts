/**
 * Organisation profiles. An applicant creates the profile of the organisation it acts for (one per
 * user) and keeps it up to date; admins read and update any. The USCC is unique across profiles.
 */
import { randomUUID } from 'node:crypto';
import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, OrganisationInput } from '../api/organisations.ts';
import { documentClient } from '../aws/clients.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { keys } from '../db/keys.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, conflict, forbidden, notFound, versionConflict } from '../http/errors.ts';

const isAdmin = (p: Principal) => p.roles.includes('admin');

/** The organisation an applicant acts for, or undefined. */
export async function organisationIdOf(principal: Principal): Promise<string | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.user(principal.sub) }),
  );
  return Item?.orgId as string | undefined;
}

/** The applicant's organisation id; 403 when the user has not registered one yet. */
export async function requireOwnOrganisation(principal: Principal): Promise<string> {
  const orgId = await organisationIdOf(principal);
  if (!orgId) {
    throw forbidden({
      en: 'act for an organisation: register its profile first (POST /v1/organisations)',
      zh: '代表单位操作：请先登记本单位信息（POST /v1/organisations）',
    });
  }
  return orgId;
}

export async function loadOrganisation(orgId: string): Promise<Organisation | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.organisation(orgId) }),
  );
  return Item ? stripKeys<Organisation>(Item) : undefined;
}

/** Admins see every profile; an applicant only its own (others are 404, not 403: no probing). */
async function authorize(principal: Principal, orgId: string): Promise<Organisation> {
  if (!isAdmin(principal) && (await organisationIdOf(principal)) !== orgId)
    throw notFound(`organisation ${orgId}`);
  const organisation = await loadOrganisation(orgId);
  if (!organisation) throw notFound(`organisation ${orgId}`);
  return organisation;
}

export async function createOrganisation(principal: Principal, input: OrganisationInput, now = new Date()) {
  const id = randomUUID();
  const at = now.toISOString();
  const organisation = { ...input, id, version: 1, createdAt: at, updatedAt: at };
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.user(principal.sub),
                type: 'user',
                sub: principal.sub,
                orgId: id,
                createdAt: at,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table(),
              Item: { ...keys.uscc(input.uscc), type: 'uscc', orgId: id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table(),
              Item: { ...keys.organisation(id), type: 'organisation', ...organisation },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(
            table(),
            keys.organisation(id).pk,
            {
              action: 'organisation.created',
              actor: userActor(principal),
              reason: 'profile registered by the applicant who acts for it',
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0))
      throw conflict({
        en: 'you already act for an organisation; a user acts for exactly one',
        zh: '您已代表一个单位；每个用户只能代表一个单位',
      });
    if (conditionFailed(error, 1))
      throw conflict({
        en: `an organisation with USCC ${input.uscc} is already registered`,
        zh: `统一社会信用代码 ${input.uscc} 的单位已注册`,
      });
    throw error;
  }
  return organisation as Organisation;
}

export async function getOrganisation(principal: Principal, orgId: string) {
  return authorize(principal, orgId);
}

export async function updateOrganisation(
  principal: Principal,
  orgId: string,
  input: OrganisationInput & { version: number },
  now = new Date(),
) {
  const current = await authorize(principal, orgId);
  const { version, ...profile } = input;
  if (profile.kind !== current.kind) {
    throw new ApiError(
      400,
      'validation_failed',
      { summary: 'body.kind: an organisation cannot change kind' },
      [{ path: 'body.kind', code: 'immutable', message: `this organisation is a ${current.kind}` }],
    );
  }
  if (version !== current.version) throw versionConflict(version);
  const at = now.toISOString();
  const updated = {
    ...profile,
    id: orgId,
    version: version + 1,
    createdAt: current.createdAt,
    updatedAt: at,
  };
  const usccChanged = profile.uscc !== current.uscc;
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...keys.organisation(orgId), type: 'organisation', ...updated },
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': version },
            },
          },
          ...(usccChanged
            ? [
                {
                  Put: {
                    TableName: table(),
                    Item: { ...keys.uscc(profile.uscc), type: 'uscc', orgId },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                { Delete: { TableName: table(), Key: keys.uscc(current.uscc) } },
              ]
            : []),
          auditPut(
            table(),
            keys.organisation(orgId).pk,
            {
              action: 'organisation.updated',
              actor: userActor(principal),
              reason: 'profile updated',
              data: {
                version: version + 1,
                ...(usccChanged ? { uscc: { from: current.uscc, to: profile.uscc } } : {}),
              },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0)) throw versionConflict(version);
    if (usccChanged && conditionFailed(error, 1))
      throw conflict({
        en: `an organisation with USCC ${profile.uscc} is already registered`,
        zh: `统一社会信用代码 ${profile.uscc} 的单位已注册`,
      });
    throw error;
  }
  return updated as Organisation;
}

/** Directory lookup by USCC, so members can invite an organisation: id, kind and name only. */
export async function lookupOrganisation(uscc: string) {
  const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: keys.uscc(uscc) }));
  const organisation = Item ? await loadOrganisation(Item.orgId as string) : undefined;
  if (!organisation) throw notFound(`organisation with USCC ${uscc}`);
  return { id: organisation.id, kind: organisation.kind, name: organisation.name };
}

export async function me(principal: Principal) {
  const orgId = await organisationIdOf(principal);
  const organisation = orgId ? await loadOrganisation(orgId) : undefined;
  return {
    sub: principal.sub,
    username: principal.username,
    roles: principal.roles,
    ...(organisation
      ? { organisation: { id: organisation.id, kind: organisation.kind, name: organisation.name } }
      : {}),
  };
}

/** Organisation profiles by id, in BatchGets of 100 (unprocessed keys retried). */
export async function loadProfiles(organisationIds: string[]): Promise<Map<string, Organisation>> {
  const profiles = new Map<string, Organisation>();
  const ids = [...new Set(organisationIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: ids.slice(i, i + 100).map((id) => keys.organisation(id)) },
    };
    while (request && Object.keys(request).length) {
      const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table()] ?? [])
        profiles.set(item.id as string, stripKeys<Organisation>(item));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return profiles;
}
