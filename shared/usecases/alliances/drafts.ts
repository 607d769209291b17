/**
 * Alliance drafts: created by a member organisation in an open round (which becomes its first,
 * confirmed member), and their content edited with optimistic versions.
 */
import { randomUUID } from 'node:crypto';
import { alliancePuts, draftContentUpdate, memberPut, type StoredAlliance } from '../../db/alliances.ts';
import { allianceAudit } from '../../db/audit.ts';
import { commit } from '../../db/commit.ts';
import { prefetchRoundAndOrganisation } from '../../db/organisations.ts';
import { byWhom, type Principal, userActor } from '../../domain/actors.ts';
import { conflict, notFound, nouns, versionConflict } from '../../domain/errors.ts';
import type { AllianceContent, Member } from '../../domain/model/alliance.ts';
import { loadOrganisation, requireOwnOrganisation } from '../organisations.ts';
import { loadRound } from '../rounds.ts';
import { accessAlliance, present, requireDraft, requireVersion } from './access.ts';

export async function createAlliance(
  principal: Principal,
  input: AllianceContent & { roundId: string; name: string },
  now = new Date(),
) {
  const { alliance, member, items } = await prepareAlliance(principal, input, now);
  await commit(items);
  return { ...alliance, members: [member] };
}

/**
 * A new draft alliance with the caller's organisation as its first, confirmed member: the checks,
 * the records and the transaction items that write them (with the audit record). createAlliance
 * commits them alone; the free-pairing acceptance commits them with its own in one transaction.
 */
export async function prepareAlliance(
  principal: Principal,
  input: AllianceContent & { roundId: string; name: string },
  now = new Date(),
) {
  const orgId = await requireOwnOrganisation(principal);
  await prefetchRoundAndOrganisation(input.roundId, orgId); // both in one BatchGet
  const [round, organisation] = await Promise.all([loadRound(input.roundId), loadOrganisation(orgId)]);
  if (!round) throw notFound(nouns.round(input.roundId));
  if (!organisation) throw notFound(nouns.organisation(orgId));
  if (round.status !== 'open' || now.getTime() > Date.parse(round.applicationWindow.closesAt)) {
    throw conflict({
      en: `round ${round.id} no longer accepts applications`,
      zh: `申报批次 ${round.id} 已不再接受申报`,
    });
  }
  const at = now.toISOString();
  const id = `a-${randomUUID()}`;
  const { roundId, ...content } = input;
  const alliance: StoredAlliance = {
    ...content,
    id,
    roundId,
    status: 'draft',
    version: 1,
    createdBy: orgId,
    statusHistory: [{ status: 'draft', at, by: byWhom(principal) }],
    createdAt: at,
    updatedAt: at,
  };
  const member: Member = {
    organisationId: orgId,
    kind: organisation.kind,
    name: organisation.name,
    state: 'confirmed',
    invitedAt: at,
    respondedAt: at,
  };
  const items = [
    ...alliancePuts(alliance),
    memberPut(id, member),
    allianceAudit(
      id,
      {
        action: 'alliance.created',
        actor: userActor(principal),
        reason: `draft created by ${organisation.name}`,
        data: { roundId, organisationId: orgId },
      },
      now,
    ),
  ];
  return { alliance, member, items };
}

export async function updateAlliance(
  principal: Principal,
  allianceId: string,
  patch: AllianceContent & { version: number },
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: true });
  requireDraft(view.alliance);
  const { version, ...fields } = patch;
  requireVersion(view.alliance, version);
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return present(view);
  await commit(
    [
      ...draftContentUpdate(allianceId, version, entries, now.toISOString()),
      allianceAudit(
        allianceId,
        {
          action: 'alliance.updated',
          actor: userActor(principal),
          data: { version: version + 1, fields: entries.map(([k]) => k) },
        },
        now,
      ),
    ],
    (failed) => (failed === 0 ? versionConflict(version) : undefined),
  );
  return present(await accessAlliance(principal, allianceId));
}
