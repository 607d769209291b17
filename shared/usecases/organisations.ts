/**
 * Organisation profiles. An applicant creates the profile of the organisation it acts for (one per
 * user) and keeps it up to date; admins read and update any. The USCC is unique across profiles.
 */
import { randomUUID } from 'node:crypto';
import { organisationAudit } from '../db/audit.ts';
import { commit } from '../db/commit.ts';
import {
  loadOrganisation,
  loadUserOrganisationId,
  organisationCreatePut,
  organisationReplacePut,
  usccClaimPut,
  usccClaimRefresh,
  usccDirectoryEntry,
  usccRelease,
  userLinkPut,
} from '../db/organisations.ts';
import { isAdmin, type Principal, userActor } from '../domain/actors.ts';
import { conflict, forbidden, invalid, notFound, nouns, versionConflict } from '../domain/errors.ts';
import type { Organisation, OrganisationInput } from '../domain/model/organisation.ts';
import type { Text } from '../domain/text.ts';

export { loadOrganisation, loadProfiles } from '../db/organisations.ts';

/** The organisation an applicant acts for, or undefined. */
export const organisationIdOf = (principal: Principal): Promise<string | undefined> =>
  loadUserOrganisationId(principal.sub);

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

/** Admins see every profile; an applicant only its own (others are 404, not 403: no probing). */
async function authorize(principal: Principal, orgId: string): Promise<Organisation> {
  if (!isAdmin(principal) && (await organisationIdOf(principal)) !== orgId)
    throw notFound(nouns.organisation(orgId));
  const organisation = await loadOrganisation(orgId);
  if (!organisation) throw notFound(nouns.organisation(orgId));
  return organisation;
}

const usccTaken = (uscc: string): Text => ({
  en: `an organisation with USCC ${uscc} is already registered`,
  zh: `统一社会信用代码 ${uscc} 的单位已注册`,
});

export async function createOrganisation(principal: Principal, input: OrganisationInput, now = new Date()) {
  const id = randomUUID();
  const at = now.toISOString();
  const organisation = { ...input, id, version: 1, createdAt: at, updatedAt: at } as Organisation;
  await commit(
    [
      userLinkPut(principal.sub, id, at, principal.username),
      usccClaimPut(input.uscc, organisation),
      organisationCreatePut(organisation),
      organisationAudit(
        id,
        {
          action: 'organisation.created',
          actor: userActor(principal),
          reason: 'profile registered by the applicant who acts for it',
        },
        now,
      ),
    ],
    (failed) => {
      if (failed === 0)
        return conflict({
          en: 'you already act for an organisation; a user acts for exactly one',
          zh: '您已代表一个单位；每个用户只能代表一个单位',
        });
      if (failed === 1) return conflict(usccTaken(input.uscc));
      return undefined;
    },
  );
  return organisation;
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
    throw invalid(
      'body.kind',
      {
        en: `an organisation cannot change kind; this organisation is a ${current.kind}`,
        zh: `单位类型不可更改；本单位类型为 ${current.kind}`,
      },
      'immutable',
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
  } as Organisation;
  const usccChanged = profile.uscc !== current.uscc;
  await commit(
    [
      organisationReplacePut(updated, version),
      usccChanged && usccClaimPut(profile.uscc, updated),
      usccChanged && usccRelease(current.uscc),
      organisationAudit(
        orgId,
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
      // The claim is the lookup's directory entry: it follows a new name (a new USCC's claim has it).
      !usccChanged && profile.name !== current.name && usccClaimRefresh(profile.uscc, updated),
    ],
    (failed) => {
      if (failed === 0) return versionConflict(version);
      if (usccChanged && failed === 1) return conflict(usccTaken(profile.uscc));
      return undefined;
    },
  );
  return updated;
}

/** Directory lookup by USCC, so members can invite an organisation: id, kind and name only. */
export async function lookupOrganisation(uscc: string) {
  // One GetItem: the USCC's claim carries the organisation's kind and name (kept with the profile
  // in the same transactions); a claim written before it did is completed from the profile.
  const entry = await usccDirectoryEntry(uscc);
  if (entry?.kind && entry.name !== undefined) return { id: entry.orgId, kind: entry.kind, name: entry.name };
  const organisation = entry ? await loadOrganisation(entry.orgId) : undefined;
  if (!organisation)
    throw notFound({ en: `organisation with USCC ${uscc}`, zh: `统一社会信用代码为 ${uscc} 的单位` });
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
