/**
 * Abuse-proof objections (issue #11): who a client and an objector are (for counting only), when an
 * objection repeats one already filed, the per-client limits, and when a round counts as held by
 * objections. Pure: the hashing key, the clock and the configuration come from the caller.
 *
 * - A client is its network address, IPv4 per address and IPv6 per /64 (one subscriber gets a whole
 *   /64, so counting single IPv6 addresses would limit nothing). An objector is their contact:
 *   the first e-mail address in it (lower case, "+tag" dropped), else the first phone number
 *   (digits only, China's +86/0086 prefix dropped), else the contact text itself. Both are stored
 *   only as keyed HMACs (`subjectHash`): the key is the deployment's, so a stored hash cannot be
 *   turned back into an address by trying all 2³² of them.
 * - The same objection is the same alliance with the same text once normalised (`objectionText`:
 *   Unicode NFKC, lower case, only letters and digits kept — spacing, punctuation, full-width
 *   forms and invisible characters do not make a new objection).
 * - Limits count objections per client and per contact, per round: `perHour` in a fixed clock hour
 *   (UTC) and `perRound` in all. The counters are enforced by the data layer, in the transaction
 *   that stores the objection; this module only names the windows and words the refusals.
 */
import { createHash, createHmac } from 'node:crypto';
import { provesOrigin } from './origin.ts';
import type { Text } from './text.ts';

export interface ObjectionLimits {
  /** Objections one client (or one contact) may file in one round within a clock hour. */
  perHour: number;
  /** Objections one client (or one contact) may file in one round in all. */
  perRound: number;
}

/**
 * The defaults (OBJECTION_LIMIT_PER_HOUR, OBJECTION_LIMIT_PER_ROUND). A real objection is a written
 * case against one announced alliance; a person with grounds against several files a few, not
 * dozens in an hour. Five an hour lets an objector (or a handful of people behind one office NAT)
 * file against several alliances in one sitting, while a script gets five through, not hundreds.
 * Twenty a round bounds what one client can put on the office's desk over the whole notice period
 * (20 of a round's typically 20–60 announced alliances) — and the office clears those twenty
 * with one bulk dismissal.
 */
export const DEFAULT_OBJECTION_LIMITS: ObjectionLimits = { perHour: 5, perRound: 20 };

/**
 * Days after the end of the notice period within which the office is expected to have resolved
 * every objection (OBJECTION_RESOLUTION_DAYS). 14 calendar days ≈ 10 working days: calendar days,
 * because a working-day count needs the State Council's yearly holiday calendar (调休), and a
 * late alarm over a Golden Week is better than a silent round.
 */
export const DEFAULT_OBJECTION_RESOLUTION_DAYS = 14;

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  const value = raw?.trim();
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name}: not a whole number ≥ ${min}: ${raw}`);
  return n;
}

/** The limits from OBJECTION_LIMIT_PER_HOUR and OBJECTION_LIMIT_PER_ROUND (unset: the defaults). */
export function objectionLimitsFrom(raw: { perHour?: string; perRound?: string }): ObjectionLimits {
  return {
    perHour: whole('OBJECTION_LIMIT_PER_HOUR', raw.perHour, DEFAULT_OBJECTION_LIMITS.perHour, 1),
    perRound: whole('OBJECTION_LIMIT_PER_ROUND', raw.perRound, DEFAULT_OBJECTION_LIMITS.perRound, 1),
  };
}

/** OBJECTION_RESOLUTION_DAYS (unset: the default). */
export const objectionResolutionDaysFrom = (raw: string | undefined) =>
  whole('OBJECTION_RESOLUTION_DAYS', raw, DEFAULT_OBJECTION_RESOLUTION_DAYS, 1);

// --- who is counted ------------------------------------------------------------------------------

function ipv4(raw: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(raw);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.join('.') : undefined;
}

/** The eight groups of an IPv6 address, each four lower-case hex digits, or undefined. */
function ipv6Groups(raw: string): string[] | undefined {
  let s = raw.split('%')[0]!.toLowerCase();
  const tail4 = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  if (tail4) {
    const v4 = ipv4(tail4[1]!);
    if (!v4) return undefined;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    s = `${s.slice(0, -tail4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => g.padStart(4, '0'));
}

/**
 * What a client address is counted as: `ipv4:<address>`, `ipv6:<first four groups>::/64` (an
 * IPv4-mapped IPv6 address counts as its IPv4 address), or the text as given when it is neither.
 */
export function clientAddressKey(address: string): string {
  const raw = address.trim();
  const v4 = ipv4(raw);
  if (v4) return `ipv4:${v4}`;
  const groups = ipv6Groups(raw);
  if (!groups) return `other:${raw.toLowerCase()}`;
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    const n = Number.parseInt(groups[6]! + groups[7]!, 16);
    return `ipv4:${[n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')}`;
  }
  return `ipv6:${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * The viewer's address from a proxy header such as CloudFront-Viewer-Address ("198.51.100.10:46532",
 * "2001:db8::1:46532" or "[2001:db8::1]:46532": the address and the viewer's port), or undefined.
 */
export function addressFromViewerHeader(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bracketed[1];
  const last = v.lastIndexOf(':');
  if (last <= 0) return v;
  return /^\d+$/.test(v.slice(last + 1)) ? v.slice(0, last) : v;
}

/**
 * The address a request's objections are counted by: the connection's (`sourceIp`), unless the
 * request proves it came through the proxy in front — it carries `originVerifySecret` in
 * x-origin-verify — and that proxy reported the viewer's address in `addressHeader` (behind
 * CloudFront, sourceIp is the edge server's, shared by everyone it serves). A client calling the
 * API directly cannot dodge its limit by setting the header: without the secret it is ignored.
 */
export function requestClientAddress(request: {
  sourceIp: string;
  headers: Record<string, string | undefined>;
  originVerifySecret?: string | undefined;
  addressHeader?: string | undefined;
}): string {
  const { sourceIp, headers, originVerifySecret, addressHeader } = request;
  if (!originVerifySecret || !addressHeader) return sourceIp;
  if (!provesOrigin(headers, originVerifySecret)) return sourceIp;
  return addressFromViewerHeader(headers[addressHeader.toLowerCase()]) ?? sourceIp;
}

function normalisePhone(found: string): string {
  const plus = found.trimStart().startsWith('+');
  let digits = found.replace(/\D/g, '');
  if (plus || digits.startsWith('00')) {
    if (!plus) digits = digits.slice(2);
    if (!digits.startsWith('86')) return `+${digits}`;
    const national = digits.slice(2);
    // +86 138… is the mobile 138…; +86 27 8765… is the landline 027 8765… (the trunk 0 restored).
    return /^1\d{10}$/.test(national) ? national : `0${national.replace(/^0/, '')}`;
  }
  return /^861\d{10}$/.test(digits) ? digits.slice(2) : digits;
}

/**
 * What a contact is counted as: `email:<address>`, `phone:<digits>` or `text:<the contact without
 * spacing>`, after Unicode NFKC (full-width ＠ and digits count as their ASCII forms).
 */
export function contactKey(contact: string): string {
  const s = contact.normalize('NFKC').trim();
  const email = /[^\s@<>()[\]"',;:：，；]+@[^\s@<>()[\]"',;:：，；]+\.[^\s@<>()[\]"',;:：，；.]+/u.exec(s);
  if (email) {
    const [local, domain] = email[0].toLowerCase().split('@') as [string, string];
    return `email:${local.split('+')[0]}@${domain}`;
  }
  const phone = [...s.matchAll(/\+?\d[\d\s\-().]*\d/g)].find((m) => m[0].replace(/\D/g, '').length >= 7);
  if (phone) return `phone:${normalisePhone(phone[0])}`;
  return `text:${s.toLowerCase().replace(/[\s\p{Cf}]+/gu, '')}`;
}

/** An objection's text as compared for repeats: NFKC, lower case, letters and digits only. */
export const objectionText = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The fingerprint of an objection's text (32 hex digits of SHA-256 over objectionText). */
export const textFingerprint = (text: string) =>
  createHash('sha256').update(objectionText(text)).digest('hex').slice(0, 32);

export type HashSubject = 'client' | 'contact';

/**
 * A keyed hash (HMAC-SHA-256 under the deployment's key, 32 hex digits) of a client address or a
 * contact as counted (clientAddressKey, contactKey). The subject is part of the input, so a client
 * and a contact never share a hash.
 */
export const subjectHash = (key: string, subject: HashSubject, counted: string) =>
  createHmac('sha256', key).update(`${subject}\u0000${counted}`).digest('hex').slice(0, 32);

// --- limits -------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The fixed clock hour (UTC) `now` falls in: its id (e.g. 2026-05-04T09) and when it ends. */
export function hourWindow(now: Date): { id: string; endsAt: Date } {
  const start = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { id: new Date(start).toISOString().slice(0, 13), endsAt: new Date(start + HOUR_MS) };
}

/** Whole seconds from `now` until `until` (at least 1): what Retry-After says. */
export const secondsUntil = (now: Date, until: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** Epoch seconds (DynamoDB TTL) of an instant. */
export const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** One counter an objection adds to: whose (subject, hash), over which window, up to which limit. */
export interface LimitCounter {
  subject: HashSubject;
  hash: string;
  /** 'round', or the clock hour's id. */
  window: string;
  limit: number;
  /** When the counter item may be deleted (epoch seconds, DynamoDB TTL). */
  expiresAt: number;
  /** When the window ends (undefined for the round's: waiting does not help). */
  endsAt?: Date;
}

/**
 * The counters a new objection adds to, the whole-round ones first (a refusal then names the limit
 * that waiting does not lift). The round's counters live until 30 days after the notice period
 * (`noticeEndsAt`), when no objection can be filed any more; an hour's until a day after it ends.
 */
export function objectionCounters(input: {
  clientHash: string;
  contactHash: string;
  now: Date;
  noticeEndsAt: string;
  limits: ObjectionLimits;
}): LimitCounter[] {
  const { clientHash, contactHash, now, noticeEndsAt, limits } = input;
  const hour = hourWindow(now);
  const roundExpiry = epochSeconds(new Date(Math.max(Date.parse(noticeEndsAt), now.getTime()) + 30 * DAY_MS));
  const hourExpiry = epochSeconds(new Date(hour.endsAt.getTime() + DAY_MS));
  const round = (subject: HashSubject, hash: string): LimitCounter => ({
    subject,
    hash,
    window: 'round',
    limit: limits.perRound,
    expiresAt: roundExpiry,
  });
  const hourly = (subject: HashSubject, hash: string): LimitCounter => ({
    subject,
    hash,
    window: hour.id,
    limit: limits.perHour,
    expiresAt: hourExpiry,
    endsAt: hour.endsAt,
  });
  return [
    round('client', clientHash),
    round('contact', contactHash),
    hourly('client', clientHash),
    hourly('contact', contactHash),
  ];
}

/** The refusal of an objection over `counter`'s limit, and the Retry-After (none when waiting does not help). */
export function limitRefusal(
  counter: LimitCounter,
  roundId: string,
  now: Date,
): { text: Text; retryAfterSeconds?: number } {
  const who =
    counter.subject === 'client'
      ? { en: 'from this network address', zh: '来自同一网络地址' }
      : { en: 'with this contact', zh: '使用同一联系方式' };
  if (!counter.endsAt)
    return {
      text: {
        en: `at most ${counter.limit} objections ${who.en} may be filed in round ${roundId}, and that many have been; if you have further grounds, write to the programme office`,
        zh: `申报批次 ${roundId} 中${who.zh}的异议最多 ${counter.limit} 件，已达上限；如有其他异议理由，请与项目办公室联系`,
      },
    };
  const retryAfterSeconds = secondsUntil(now, counter.endsAt);
  return {
    text: {
      en: `at most ${counter.limit} objections ${who.en} per hour may be filed in round ${roundId}; retry in ${retryAfterSeconds} s`,
      zh: `申报批次 ${roundId} 中${who.zh}的异议每小时最多 ${counter.limit} 件，请在 ${retryAfterSeconds} 秒后重试`,
    },
    retryAfterSeconds,
  };
}

/** Time to live of the repeat markers and fingerprints of a notice period: 30 days after it. */
export const repeatExpiry = (noticeEndsAt: string, now: Date) =>
  epochSeconds(new Date(Math.max(Date.parse(noticeEndsAt), now.getTime()) + 30 * DAY_MS));

// --- rounds held by objections --------------------------------------------------------------------

/** When open objections start holding a round too long: the notice period's end plus `days`. */
export const objectionsDueBy = (noticeEndsAt: string, days: number) =>
  new Date(Date.parse(noticeEndsAt) + days * DAY_MS);

/** A round waiting on objections is held when `now` is past the notice period's end plus `days`. */
export const heldByObjections = (now: Date, noticeEndsAt: string, days: number) =>
  now.getTime() > objectionsDueBy(noticeEndsAt, days).getTime();
