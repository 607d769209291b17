/**
 * Writing the drafts of shared/domain/notify-events.ts after a decision has committed: each a
 * conditional put (writeNotification), so a replayed decision or step writes nothing new.
 */
import { loadAllianceWithMembers } from '../db/alliances.ts';
import type { Member } from '../domain/model/alliance.ts';
import type { NotificationDraft } from '../domain/notify.ts';
import type { AllianceRef } from '../domain/notify-events.ts';
import { writeNotification } from './notifications.ts';

/** Writes each draft once; returns how many were written now. */
export async function writeAll(drafts: readonly NotificationDraft[], now = new Date()): Promise<number> {
  const written = await Promise.all(drafts.map((d) => writeNotification(d, now)));
  return written.filter(Boolean).length;
}

/** The organisations of an alliance's confirmed members. */
export const confirmedMembers = (members: readonly Member[]) =>
  members.filter((m) => m.state === 'confirmed').map((m) => m.organisationId);

/** An alliance's reference (id, name) and its confirmed members' organisations; undefined when missing. */
export async function allianceRecipients(
  allianceId: string,
): Promise<{ ref: AllianceRef; members: string[] } | undefined> {
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) return undefined;
  return {
    ref: { allianceId, allianceName: loaded.alliance.name ?? allianceId },
    members: confirmedMembers(loaded.members),
  };
}
