/**
 * Objections to the public notice (异议): anyone files one during the notice period; an admin
 * resolves each (upheld → the alliance is dropped, dismissed → it stays), or dismisses many as spam
 * at once. While any is open the round waits at the pipeline's objections gate.
 *
 * Abuse cannot block a round (issue #11; rules in shared/domain/objection-abuse.ts):
 * - limits per client (keyed hash of the network address) and per contact, per round, enforced by
 *   conditional counters in the very transaction that stores the objection (429, Retry-After when
 *   waiting helps) — no read-then-write race, nothing stored for a refused objection;
 * - the same client or contact objecting to the same alliance with the same text again is a 409
 *   naming the objection already filed; the same text from someone else is filed, marked
 *   `duplicateOf` the first;
 * - a bulk dismissal as spam resolves up to any number of open objections in atomic batches, each
 *   audited, and moves the pipeline on when the last open one closes, as a single resolution does;
 * - the daily sweep reports rounds that objections hold beyond the notice period plus
 *   OBJECTION_RESOLUTION_DAYS (./pipeline/stuck.ts).
 */
import { randomUUID } from 'node:crypto';
import { env } from '../config.ts';
import { envNames } from '../contract.ts';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { allianceAudit } from '../db/audit.ts';
import { commit } from '../db/commit.ts';
import {
  loadObjection,
  loadObjections,
  loadObjectionsById,
  OBJECTIONS_PER_DISMISSAL_BATCH,
  type ObjectionRecord,
  objectionFiledItems,
  objectionResolvedItems,
} from '../db/notices.ts';
import {
  counterAdd,
  type Fingerprint,
  fingerprintWrite,
  loadFingerprint,
  loadRepeat,
  repeatPut,
} from '../db/objection-guards.ts';
import { isSelected, loadSelectionRow, selectionDropItems } from '../db/selection.ts';
import { loadTally, prefetchGateAndTally, tallyAdd } from '../db/tallies.ts';
import { byWhom, type Principal, userActor } from '../domain/actors.ts';
import {
  conflict,
  domainError,
  domainErrorCatalogue,
  invalid,
  notFound,
  nouns,
  tooManyRequests,
} from '../domain/errors.ts';
import { objectionReceivedDraft, objectionResolvedDraft, programmeOffice } from '../domain/notify-events.ts';
import {
  clientAddressKey,
  contactKey,
  limitRefusal,
  objectionCounters,
  objectionLimitsFrom,
  repeatExpiry,
  subjectHash,
  textFingerprint,
} from '../domain/objection-abuse.ts';
import { format } from '../domain/text.ts';
import { logger } from '../logger.ts';
import { publishedNotice, syncNotice } from './notice.ts';
import { writeNotification } from './notifications.ts';
import { allianceRecipients, writeAll } from './notify-events.ts';
import { completeGate, loadGate } from './pipeline/gates.ts';

/** The deployment's limits (OBJECTION_LIMIT_PER_HOUR, OBJECTION_LIMIT_PER_ROUND; defaults 5 and 20). */
export const objectionLimits = () =>
  objectionLimitsFrom({
    perHour: process.env[envNames.objectionLimitPerHour],
    perRound: process.env[envNames.objectionLimitPerRound],
  });

/** A client address's or a contact's keyed hash, as stored and shown to the office. */
export const clientHashOf = (address: string) =>
  subjectHash(env('clientHashKey'), 'client', clientAddressKey(address));
export const contactHashOf = (contact: string) =>
  subjectHash(env('clientHashKey'), 'contact', contactKey(contact));

/** The positions of the guard items in a filing's transaction (see fileObjection). */
const AT = { clientRepeat: 0, contactRepeat: 1, fingerprint: 2, counters: 3 } as const;

class FingerprintTaken extends Error {}

function alreadyFiled(allianceId: string, objectionId: string) {
  const { en, zh } = domainErrorCatalogue.conflict;
  return domainError(
    'conflict',
    {
      en: format(en, {
        reason: `this objection to alliance ${allianceId} was already filed from this address or with this contact, as ${objectionId}; it is being handled`,
      }),
      zh: format(zh, {
        reason: `已从同一网络地址或使用同一联系方式对联盟 ${allianceId} 提出过相同的异议（${objectionId}），正在处理中`,
      }),
    },
    {},
    (lang) => [
      {
        path: 'body.text',
        code: 'duplicate_objection',
        objectionId,
        message: lang === 'zh' ? `与异议 ${objectionId} 相同` : `the same as objection ${objectionId}`,
      },
    ],
  );
}

/**
 * Anyone may object to an announced alliance during the notice period; `clientAddress` is the
 * network address the request came from (hashed at once, never stored).
 */
export async function fileObjection(
  roundId: string,
  input: { allianceId: string; name: string; contact: string; text: string },
  clientAddress: string,
  now = new Date(),
) {
  const notice = await publishedNotice(roundId);
  const row = await loadSelectionRow(roundId, input.allianceId);
  if (!row || !isSelected(row))
    throw notFound({
      en: `alliance ${input.allianceId} in this notice`,
      zh: `本次公示中的联盟 ${input.allianceId}`,
    });
  // An alliance added by 递补 has the period of its supplementary notice; the others the notice's.
  const endsAt = row.supplement?.endsAt ?? notice.endsAt;
  if (now.getTime() > Date.parse(endsAt))
    throw conflict({
      en: `the notice period for alliance ${input.allianceId} of round ${roundId} ended at ${endsAt}`,
      zh: `申报批次 ${roundId} 中联盟 ${input.allianceId} 的公示期已于 ${endsAt} 结束`,
    });

  const clientHash = clientHashOf(clientAddress);
  const contactHash = contactHashOf(input.contact);
  const fingerprint = textFingerprint(input.text);
  const counters = objectionCounters({
    clientHash,
    contactHash,
    now,
    noticeEndsAt: endsAt,
    limits: objectionLimits(),
  });
  const expiresAt = repeatExpiry(endsAt, now);
  const id = `o-${randomUUID()}`;
  const { allianceId } = input;

  // Twice at most: a second try only when another objection with the text became the first meanwhile.
  for (let attempt = 1; ; attempt++) {
    const seen: Fingerprint | undefined = await loadFingerprint(roundId, allianceId, fingerprint);
    const objection: ObjectionRecord = {
      ...input,
      id,
      roundId,
      status: 'open',
      filedAt: now.toISOString(),
      clientHash,
      contactHash,
      fingerprint,
      ...(seen ? { duplicateOf: seen.first } : {}),
    };
    try {
      await commit(
        [
          repeatPut(roundId, allianceId, fingerprint, clientHash, id, expiresAt),
          repeatPut(roundId, allianceId, fingerprint, contactHash, id, expiresAt),
          fingerprintWrite(roundId, allianceId, fingerprint, id, seen, expiresAt),
          ...counters.map((c) => counterAdd(roundId, c)),
          ...objectionFiledItems(objection, now),
          tallyAdd(roundId, 'objections', { open: 1 }),
        ],
        async (failed) => {
          if (failed === AT.clientRepeat || failed === AT.contactRepeat) {
            const hash = failed === AT.clientRepeat ? clientHash : contactHash;
            const earlier = await loadRepeat(roundId, allianceId, fingerprint, hash);
            return alreadyFiled(allianceId, earlier?.objectionId ?? 'unknown');
          }
          if (failed === AT.fingerprint) return new FingerprintTaken();
          const counter = failed === undefined ? undefined : counters[failed - AT.counters];
          if (!counter) return undefined;
          const refusal = limitRefusal(counter, roundId, now);
          logger.info('objection refused: limit reached', {
            roundId,
            subject: counter.subject,
            hash: counter.hash,
            window: counter.window,
          });
          return tooManyRequests(refusal.text, refusal.retryAfterSeconds);
        },
      );
      // The office is told (the objection's id only: never the objector's name or contact).
      await writeNotification(objectionReceivedDraft(roundId, id, allianceId), now);
      return {
        id,
        roundId,
        allianceId,
        status: objection.status,
        filedAt: objection.filedAt,
        ...(objection.duplicateOf ? { duplicateOf: objection.duplicateOf } : {}),
      };
    } catch (error) {
      if (!(error instanceof FingerprintTaken) || attempt >= 2) throw error;
    }
  }
}

export async function listObjections(roundId: string) {
  return { items: await loadObjections(roundId) };
}

/**
 * When no objection is open any more (the tally, recounted whenever the pipeline checks
 * objections), the pipeline waiting at the objections gate is sent on.
 */
async function closeObjectionsGateIfDone(roundId: string, by: string): Promise<number> {
  await prefetchGateAndTally(roundId, 'objections'); // the tally and the gate in one read
  const open = (await loadTally(roundId, 'objections'))?.counts.open ?? 0;
  if (open <= 0 && (await loadGate(roundId, 'objections'))?.status === 'open')
    await completeGate(roundId, 'objections', { resolved: true }, by);
  return Math.max(0, open);
}

const outcomeZh = { open: '待处理', upheld: '成立', dismissed: '不成立' } as const;

/** Upheld → the alliance is dropped from the selection; dismissed → it stays. Always with a reason. */
export async function resolveObjection(
  principal: Principal,
  roundId: string,
  objectionId: string,
  resolution: { outcome: 'upheld' | 'dismissed'; reason: string },
  now = new Date(),
) {
  const objection = await loadObjection(roundId, objectionId);
  if (!objection) throw notFound(nouns.objection(objectionId));
  if (objection.status !== 'open')
    throw conflict({
      en: `objection ${objectionId} is already ${objection.status}`,
      zh: `异议 ${objectionId} 已处理（${outcomeZh[objection.status]}）`,
    });
  const at = now.toISOString();
  const by = byWhom(principal);
  // Upheld against an alliance still in the selection: it is dropped (one row read). Upheld against
  // one already out (an earlier objection, a withdrawal): the objection is resolved, nothing more.
  const dropped =
    resolution.outcome === 'upheld' && isSelected(await loadSelectionRow(roundId, objection.allianceId));
  await commit(
    [
      ...objectionResolvedItems(objection, { ...resolution, by, at }, userActor(principal), now),
      tallyAdd(roundId, 'objections', { open: -1 }),
      // Upheld: the alliance leaves the selection, and its status and trail say why.
      ...(dropped
        ? selectionDropItems(roundId, objection.allianceId, { objectionId, at, reason: resolution.reason })
        : []),
      dropped &&
        allianceStatusUpdate({
          allianceId: objection.allianceId,
          to: 'dropped',
          from: ['selected'],
          at,
          by,
          reason: `objection upheld: ${resolution.reason}`,
        }),
      dropped &&
        allianceAudit(
          objection.allianceId,
          {
            action: 'alliance.dropped',
            actor: userActor(principal),
            reason: `objection ${objectionId} upheld: ${resolution.reason}`,
          },
          now,
        ),
    ],
    conflict({
      en: `objection ${objectionId} was resolved meanwhile`,
      zh: `异议 ${objectionId} 已被他人同时处理`,
    }),
  );
  if (dropped) {
    // The notice shows the alliance withdrawn at once; if this fails, the pipeline's next step
    // (CheckObjections) brings it in line. syncNotice reads every selection row (page by page): the
    // one part of resolving an objection that grows with the round, and only when one is upheld.
    await syncNotice(roundId).catch((error: unknown) =>
      logger.error('notice not updated', { roundId, error }),
    );
  }
  // The office and the alliance's members are told the outcome (once: an objection is resolved once).
  const to = await allianceRecipients(objection.allianceId);
  await writeAll(
    [programmeOffice, ...(to?.members ?? []).map((organisationId) => ({ organisationId }))].map((r) =>
      objectionResolvedDraft(
        r,
        roundId,
        objectionId,
        objection.allianceId,
        resolution.outcome,
        resolution.reason,
      ),
    ),
    now,
  );
  await closeObjectionsGateIfDone(roundId, by);
  return { ...objection, status: resolution.outcome, resolution: { ...resolution, by, at } };
}

export interface DismissalInput {
  reason: string;
  objectionIds?: string[];
  clientHash?: string;
  contactHash?: string;
  fingerprint?: string;
}

const selectors = ['objectionIds', 'clientHash', 'contactHash', 'fingerprint'] as const;

class ResolvedMeanwhile extends Error {}

/**
 * Dismisses open objections as spam, with one reason: those named (`objectionIds`), or every one
 * from a client (`clientHash`), with a contact (`contactHash`) or with a text (`fingerprint`) —
 * exactly one of the four. Each is audited (who, when, why); each batch of
 * OBJECTIONS_PER_DISMISSAL_BATCH commits atomically with the tally. Repeating it is harmless: what
 * is no longer open is reported, not touched — and a repeat after a failure part-way finishes the
 * rest and still moves the pipeline on.
 */
export async function dismissObjections(
  principal: Principal,
  roundId: string,
  input: DismissalInput,
  now = new Date(),
) {
  const given = selectors.filter((s) => input[s] !== undefined);
  if (given.length !== 1)
    throw invalid('body', {
      en: `name the objections by exactly one of ${selectors.join(', ')} (got ${given.length})`,
      zh: `请用 ${selectors.join('、')} 中的一项（且仅一项）指定要驳回的异议（现有 ${given.length} 项）`,
    });
  const by = byWhom(principal);
  const at = now.toISOString();
  const notFoundIds: string[] = [];
  let targets: ObjectionRecord[];
  if (input.objectionIds) {
    const ids = [...new Set(input.objectionIds)];
    const loaded = await loadObjectionsById(roundId, ids);
    targets = loaded.filter((o): o is ObjectionRecord => Boolean(o));
    notFoundIds.push(...ids.filter((_, i) => !loaded[i]));
  } else {
    // One consistent Query of the round's objections, as the admin list reads them.
    const [field, value] = [
      given[0] as Exclude<(typeof selectors)[number], 'objectionIds'>,
      input[given[0]!],
    ];
    targets = (await loadObjections(roundId)).filter((o) => o[field] === value);
  }
  const alreadyResolved = targets.filter((o) => o.status !== 'open').map((o) => o.id);
  const open = targets.filter((o) => o.status === 'open');
  const dismissed: string[] = [];
  const resolution = { outcome: 'dismissed' as const, reason: input.reason, by, at, spam: true };
  for (let i = 0; i < open.length; i += OBJECTIONS_PER_DISMISSAL_BATCH) {
    let batch = open.slice(i, i + OBJECTIONS_PER_DISMISSAL_BATCH);
    // A batch whose objection someone resolved meanwhile is cancelled whole: read again, try the rest.
    for (let attempt = 1; batch.length > 0; attempt++) {
      try {
        await commit(
          [
            ...batch.flatMap((o) =>
              objectionResolvedItems(o, resolution, userActor(principal), now, { spam: true, bulk: true }),
            ),
            tallyAdd(roundId, 'objections', { open: -batch.length }),
          ],
          new ResolvedMeanwhile(),
        );
        dismissed.push(...batch.map((o) => o.id));
        break;
      } catch (error) {
        if (!(error instanceof ResolvedMeanwhile) || attempt >= 3) throw error;
        const again = await loadObjectionsById(
          roundId,
          batch.map((o) => o.id),
        );
        alreadyResolved.push(...again.filter((o) => o && o.status !== 'open').map((o) => o!.id));
        batch = again.filter((o): o is ObjectionRecord => o?.status === 'open');
      }
    }
  }
  // Also when nothing was dismissed now: a repeat finishes what a failed call left undone.
  const stillOpen = await closeObjectionsGateIfDone(roundId, by);
  return { roundId, dismissed, alreadyResolved, notFound: notFoundIds, open: stillOpen };
}
