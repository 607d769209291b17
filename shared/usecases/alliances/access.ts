/**
 * Who may see or change an alliance: admins always; applicants when their organisation is a member
 * (invited or confirmed; confirmed to change it). To anyone else it does not exist (404).
 */
import {
  loadAllianceWithMembers,
  loadAllianceWithMembersForUser,
  type StoredAlliance,
} from '../../db/alliances.ts';
import { isAdmin, type Principal } from '../../domain/actors.ts';
import { conflict, forbidden, notFound, nouns, versionConflict } from '../../domain/errors.ts';
import type { Member } from '../../domain/model/alliance.ts';

export type { StoredAlliance } from '../../db/alliances.ts';

export interface AllianceView {
  alliance: StoredAlliance;
  members: Member[];
  /** The caller's organisation when it is a member (undefined for admins acting as such). */
  callerOrgId?: string;
}

/** An alliance with its members, for callers that need no membership check (404 when missing). */
export async function loadAllianceView(allianceId: string): Promise<AllianceView> {
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) throw notFound(nouns.alliance(allianceId));
  return { alliance: loaded.alliance as StoredAlliance, members: loaded.members };
}

/**
 * Loads an alliance for a caller. Admins always; applicants when their organisation is a member
 * (invited or confirmed). `confirmedOnly` demands a confirmed member (for changes).
 */
export async function accessAlliance(
  principal: Principal,
  allianceId: string,
  options: { confirmedOnly?: boolean } = {},
): Promise<AllianceView> {
  if (isAdmin(principal)) return loadAllianceView(allianceId);
  // One Query of the alliance's item collection (head, content, members and the rest, which then
  // answers the endpoint's own reads of the partition), and the caller's organisation: its USER#
  // link, known to the container once read (it never changes), else read in parallel.
  const { loaded, userOrgId: orgId } = await loadAllianceWithMembersForUser(allianceId, principal.sub);
  if (!loaded) throw notFound(nouns.alliance(allianceId));
  const view: AllianceView = { alliance: loaded.alliance as StoredAlliance, members: loaded.members };
  const membership = view.members.find((m) => m.organisationId === orgId && m.state !== 'declined');
  if (!membership) throw notFound(nouns.alliance(allianceId));
  if (options.confirmedOnly && membership.state !== 'confirmed') {
    throw forbidden({
      en: 'change an alliance before your organisation has confirmed its membership',
      zh: '在本单位确认加入联盟之前修改联盟',
    });
  }
  return { ...view, callerOrgId: orgId };
}

export function requireDraft(alliance: StoredAlliance) {
  if (alliance.status !== 'draft')
    throw conflict({
      en: `alliance ${alliance.id} is ${alliance.status}; only a draft can be changed`,
      zh: `联盟 ${alliance.id} 当前状态为 ${alliance.status}，只有草稿可以修改`,
    });
}

export function requireVersion(alliance: StoredAlliance, version: number) {
  if (alliance.version !== version) throw versionConflict(version);
}

/** An alliance as the API shows it: its record with its members. */
export function present(view: AllianceView) {
  return { ...view.alliance, members: view.members };
}
