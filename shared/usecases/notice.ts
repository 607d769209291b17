/**
 * The public notice's documents (S3: JSON and the Chinese page, under noticeKeys) and keeping them
 * true to the selection: an alliance dropped after an upheld objection is shown withdrawn (撤销) with
 * the date and the ground, the totals leave it out, and every earlier version stays readable
 * (rounds/<id>/notice.r<n>.json|html). `syncNotice` derives the withdrawals from the selection each
 * time, so calling it again (the objection's resolution, then the pipeline's CheckObjections and
 * ListDesignated) repairs a notice that a failed or concurrent update left behind.
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../aws/clients.ts';
import { env } from '../config.ts';
import { loadAllianceWithMembers } from '../db/alliances.ts';
import { loadNotice, noticeKeys } from '../db/notices.ts';
import { loadSelectionRows } from '../db/selection.ts';
import { notFound } from '../domain/errors.ts';
import {
  addSupplementToNotice,
  type NoticeEntry,
  type PublicNotice,
  renderNoticeHtml,
  withdrawFromNotice,
} from '../domain/notice.ts';

const contentTypes = { json: 'application/json; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

/** The round's notice is not published (yet). */
export const noticeOf = (roundId: string) =>
  notFound({ en: `a public notice of round ${roundId}`, zh: `申报批次 ${roundId} 的公示` });

/** The NOTICE item of a published notice (when it was published, when its period ends), else 404. */
export async function publishedNotice(roundId: string) {
  const notice = await loadNotice(roundId);
  if (!notice) throw noticeOf(roundId);
  return notice;
}

/** The keys of revision `n`'s copies. */
export const noticeRevisionKeys = (roundId: string, revision: number) => ({
  json: `rounds/${roundId}/notice.r${revision}.json`,
  html: `rounds/${roundId}/notice.r${revision}.html`,
});

/** Writes a notice's JSON and page at `keys` (by default the current ones). */
export async function writeNoticeDocuments(
  roundId: string,
  notice: PublicNotice,
  keys: { json: string; html: string } = noticeKeys(roundId),
): Promise<void> {
  const bucket = env('noticesBucket');
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: keys.json,
      Body: JSON.stringify(notice),
      ContentType: contentTypes.json,
    }),
  );
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: keys.html,
      Body: renderNoticeHtml(notice),
      ContentType: contentTypes.html,
    }),
  );
}

/** One of the notice's documents as stored, or undefined when there is none. */
export async function readNoticeObject(key: string): Promise<string | undefined> {
  try {
    const out = await s3Client().send(new GetObjectCommand({ Bucket: env('noticesBucket'), Key: key }));
    return await out.Body!.transformToString('utf8');
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

/**
 * Brings the published notice in line with the selection: withdraws every dropped alliance (once),
 * keeping the version it replaces. Returns the notice's revision after the call.
 *
 * It reads every selection row of the round (a paged Query): O(alliances), deliberately — it runs
 * in pipeline steps (CheckObjections, the start of designation) and after an upheld objection or a
 * withdrawal, where the notice must be re-rendered from the whole selection anyway.
 */
export async function syncNotice(roundId: string): Promise<{ revision: number; changed: boolean }> {
  const record = await loadNotice(roundId);
  if (!record) return { revision: 0, changed: false };
  const text = await readNoticeObject(noticeKeys(roundId).json);
  if (!text) return { revision: 0, changed: false };
  const current = JSON.parse(text) as PublicNotice;
  const revision = current.revisions?.at(-1)?.revision ?? 1;
  const rows = await loadSelectionRows(roundId);
  const next = withdrawFromNotice(
    current,
    rows.flatMap(({ allianceId, dropped: d }) =>
      d ? [{ allianceId, at: d.at, ground: d.withdrawnBy ? `联盟申请撤回：${d.reason}` : d.reason }] : [],
    ),
  );
  if (!next) return { revision, changed: false };
  await writeNoticeDocuments(roundId, current, noticeRevisionKeys(roundId, revision));
  await writeNoticeDocuments(roundId, next);
  return { revision: next.revisions!.at(-1)!.revision, changed: true };
}

/** The notice entries of funded rows: each alliance's name, confirmed members, sectors and services. */
export function noticeEntries(
  rows: readonly { allianceId: string; award: number; rank: number; finalScore: number | null }[],
): Promise<NoticeEntry[]> {
  return Promise.all(
    rows.map(async (row) => {
      const loaded = await loadAllianceWithMembers(row.allianceId);
      if (!loaded) throw new Error(`alliance ${row.allianceId} is missing`);
      const { alliance, members } = loaded;
      return {
        allianceId: row.allianceId,
        name: alliance.name,
        members: members.filter((m) => m.state === 'confirmed').map((m) => ({ name: m.name, kind: m.kind })),
        sectors: alliance.sectors ?? [],
        serviceTypes: alliance.serviceTypes ?? [],
        award: row.award,
        rank: row.rank,
        finalScore: row.finalScore ?? 0,
      };
    }),
  );
}

/** Publishes a 递补's additions on the notice (补充公示), keeping the version it replaces. */
export async function publishSupplement(
  roundId: string,
  supplement: { publishedAt: string; endsAt: string; rows: Parameters<typeof noticeEntries>[0] },
): Promise<void> {
  const text = await readNoticeObject(noticeKeys(roundId).json);
  if (!text) throw new Error(`round ${roundId}: no published notice to add a supplement to`);
  const current = JSON.parse(text) as PublicNotice;
  const next = addSupplementToNotice(current, {
    ...supplement,
    entries: await noticeEntries(supplement.rows),
  });
  if (next === current) return;
  await writeNoticeDocuments(
    roundId,
    current,
    noticeRevisionKeys(roundId, current.revisions?.at(-1)?.revision ?? 1),
  );
  await writeNoticeDocuments(roundId, next);
}
