/**
 * Free pairing (自由组合, §2.2.1; §1.3.1 "合作的创新项目应由企业提出需求"): enterprises publish technical
 * needs, societies publish what they can do, and the programme suggests partners with the reasons.
 * Pure: no I/O. Ranking is deterministic (same inputs, same order, same scores).
 *
 * Score of a (need, capability) pair, each part in [0, 1]:
 *
 *   base   = 0.35 × sector + 0.30 × services + 0.35 × text
 *   sector = 1 when the need's sector is one of the capability's fields, else 0
 *   services = |need.serviceTypes ∩ capability.serviceTypes| / |need.serviceTypes|
 *              (the share of what the enterprise asks for that the society offers; 0 when none asked)
 *   text   = cosine of TF-IDF vectors of the two texts, terms being Chinese character bigrams
 *            (a lone Han character is a term of its own) and lower-cased Latin/digit words — no
 *            segmenter; idf = ln((1 + n) / (1 + df)) + 1 over the documents being ranked plus the query
 *   load   = 1 / (1 + 0.25 × max(0, activeAlliances − 2))
 *            (a society in more than two active alliances — draft to designated — is down-weighted:
 *            3 → 0.8, 4 → 0.67, 6 → 0.5; it is never removed from the list)
 *   score  = base × load
 *
 * Ties (scores equal to 1e-9) go to the smaller id, so the order never depends on input order.
 */
import type { Expert } from './model/organisation.ts';

/** §2.1 service types 1–7 (names in ./model/alliance.ts `serviceTypes`). */
export const SERVICE_TYPE_IDS = [1, 2, 3, 4, 5, 6, 7] as const;

export const needStatuses = ['open', 'matched', 'closed'] as const;
export type NeedStatus = (typeof needStatuses)[number];

/** How the enterprise wants to be contacted once it has accepted a society's interest. */
export const contactChannels = ['platform', 'email', 'phone'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export type NeedContact = {
  channel: ContactChannel;
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
};

/** An enterprise's technical need (技术需求). Money in whole yuan. */
export type Need = {
  id: string;
  organisationId: string;
  enterpriseName: string;
  /** The round whose priority sectors `sector` is taken from, when there is one. */
  roundId?: string | undefined;
  title: string;
  description: string;
  /** Sector id of the round (e.g. optoelectronics). */
  sector: string;
  serviceTypes: number[];
  budget: { min: number; max: number };
  /** Cooperation period, YYYY-MM-DD. */
  period: { start: string; end: string };
  contactPreference: NeedContact;
  status: NeedStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set when an interest was accepted. */
  allianceId?: string | undefined;
};

/** A past service to enterprise innovation, with its result (the evidence S2 asks for). */
export type PastService = {
  title: string;
  year: number;
  result: string;
  enterprise?: string | undefined;
};

/** A society's profile of what it offers. The experts carry no personal contact details. */
export type Capability = {
  organisationId: string;
  societyName: string;
  summary: string;
  /** Sector ids the society works in. */
  fields: string[];
  serviceTypes: number[];
  experts: Expert[];
  pastServices: PastService[];
  /**
   * The society's active alliances (draft to designated), counted when it saves its profile and
   * incremented by each interest of it that is accepted: the input of the load factor, kept on the
   * profile so ranking reads one list, not one membership Query per society.
   */
  activeAlliances?: number | undefined;
  version: number;
  updatedAt: string;
};

export const interestStates = ['pending', 'accepted', 'declined'] as const;
export type InterestState = (typeof interestStates)[number];

/** A society's expression of interest in a need. */
export type Interest = {
  id: string;
  needId: string;
  societyId: string;
  societyName: string;
  message: string;
  state: InterestState;
  createdAt: string;
  respondedAt?: string | undefined;
  respondedBy?: string | undefined;
  allianceId?: string | undefined;
};

/** The need as others see it: the contact only for its enterprise, admins and an accepted society. */
export function needView(need: Need, showContact: boolean): Need {
  if (showContact) return need;
  return { ...need, contactPreference: { channel: need.contactPreference.channel } };
}

// ---------------------------------------------------------------- text

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Han}]+|[a-z0-9]+/gu;

/**
 * Terms of a text: overlapping bigrams of each run of Han characters (a run of one gives that
 * character), and Latin/digit words of two or more characters, lower-cased. NFKC first, so
 * full-width letters and digits count as their ASCII forms.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().match(WORD) ?? []) {
    if (HAN.test(run)) {
      const chars = [...run];
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else if (run.length >= 2) out.push(run);
  }
  return out;
}

type Vector = Map<string, number>;

function termCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms(text)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** TF-IDF vectors of the documents (tf = count / total terms of the document). */
export function tfidf(docs: readonly string[]): Vector[] {
  const counts = docs.map(termCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return counts.map((c) => {
    let total = 0;
    for (const v of c.values()) total += v;
    const v: Vector = new Map();
    for (const [t, k] of c) v.set(t, (k / total) * (Math.log((1 + n) / (1 + df.get(t)!)) + 1));
    return v;
  });
}

function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** Cosine similarity, and the shared terms by their contribution (largest first, ties by term). */
export function cosine(a: Vector, b: Vector, top = 5): { similarity: number; shared: string[] } {
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return { similarity: 0, shared: [] };
  const contrib: [string, number][] = [];
  let dot = 0;
  for (const [t, x] of a) {
    const y = b.get(t);
    if (y === undefined) continue;
    dot += x * y;
    contrib.push([t, x * y]);
  }
  contrib.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  return { similarity: dot / (na * nb), shared: contrib.slice(0, top).map(([t]) => t) };
}

// ---------------------------------------------------------------- matching

export const WEIGHTS = { sector: 0.35, services: 0.3, text: 0.35 } as const;
/** Active alliances a society may be in before it is down-weighted. */
export const FREE_ALLIANCES = 2;
export const LOAD_STEP = 0.25;

/** 1 / (1 + 0.25 × max(0, active − 2)). */
export function loadFactor(activeAlliances: number): number {
  return 1 / (1 + LOAD_STEP * Math.max(0, activeAlliances - FREE_ALLIANCES));
}

export type MatchReasons = {
  /** The need's sector when the capability covers it. */
  fields: string[];
  /** Service types both sides name. */
  serviceTypes: number[];
  /** Shared terms that weigh most in the text similarity. */
  terms: string[];
  /** The load factor applied (1 when not down-weighted). */
  load: number;
};

export type Match = {
  /** Capability organisationId or need id. */
  id: string;
  name: string;
  score: number;
  parts: { sector: number; services: number; text: number };
  reasons: MatchReasons;
};

export const needText = (n: Pick<Need, 'title' | 'description'>): string => `${n.title}\n${n.description}`;

export const capabilityText = (c: Pick<Capability, 'summary' | 'experts' | 'pastServices'>): string =>
  [
    c.summary,
    ...c.experts.map((e) => `${e.title} ${e.field}`),
    ...c.pastServices.map((p) => `${p.title} ${p.result}`),
  ].join('\n');

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function pair(
  need: Pick<Need, 'sector' | 'serviceTypes'>,
  cap: Pick<Capability, 'fields' | 'serviceTypes'>,
  text: { similarity: number; shared: string[] },
  active: number,
): Omit<Match, 'id' | 'name'> {
  const sectorHit = cap.fields.includes(need.sector);
  const offered = new Set(cap.serviceTypes);
  const wanted = [...new Set(need.serviceTypes)].sort((a, b) => a - b);
  const common = wanted.filter((t) => offered.has(t));
  const parts = {
    sector: sectorHit ? 1 : 0,
    services: wanted.length === 0 ? 0 : common.length / wanted.length,
    text: text.similarity,
  };
  const load = loadFactor(active);
  const base = WEIGHTS.sector * parts.sector + WEIGHTS.services * parts.services + WEIGHTS.text * parts.text;
  return {
    score: round6(base * load),
    parts: { sector: parts.sector, services: round6(parts.services), text: round6(parts.text) },
    reasons: {
      fields: sectorHit ? [need.sector] : [],
      serviceTypes: common,
      terms: text.shared,
      load: round6(load),
    },
  };
}

const byScore = (a: Match, b: Match): number =>
  Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Societies for a need, best first. `activeAlliances` maps a society's organisationId to the number
 * of its active alliances (missing: 0). The need's own enterprise is never a candidate.
 */
export function rankCapabilities(
  need: Need,
  capabilities: readonly Capability[],
  activeAlliances: ReadonlyMap<string, number> = new Map(),
): Match[] {
  const caps = [...capabilities].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
  const vectors = tfidf([needText(need), ...caps.map(capabilityText)]);
  const q = vectors[0]!;
  return caps
    .map((c, i) => ({
      id: c.organisationId,
      name: c.societyName,
      ...pair(need, c, cosine(q, vectors[i + 1]!), activeAlliances.get(c.organisationId) ?? 0),
    }))
    .sort(byScore);
}

/** Open needs for a society's capability, best first. Needs not open are left out. */
export function rankNeeds(capability: Capability, needs: readonly Need[], activeAlliances = 0): Match[] {
  const open = needs.filter((n) => n.status === 'open').sort((a, b) => (a.id < b.id ? -1 : 1));
  const vectors = tfidf([capabilityText(capability), ...open.map(needText)]);
  const q = vectors[0]!;
  return open
    .map((n, i) => {
      const t = cosine(vectors[i + 1]!, q);
      return { id: n.id, name: n.title, ...pair(n, capability, t, activeAlliances) };
    })
    .sort(byScore);
}

// ---------------------------------------------------------------- rules

export type NeedProblem =
  | 'budget-range'
  | 'period-order'
  | 'service-types'
  | 'not-open'
  | 'not-enterprise'
  | 'not-society';

/** Problems of a need's content: budget min ≤ max, period start ≤ end, service types 1–7 and at least one. */
export function needProblems(n: Pick<Need, 'budget' | 'period' | 'serviceTypes'>): NeedProblem[] {
  const out: NeedProblem[] = [];
  if (n.budget.min > n.budget.max) out.push('budget-range');
  if (n.period.start > n.period.end) out.push('period-order');
  if (
    n.serviceTypes.length === 0 ||
    n.serviceTypes.some((t) => !(SERVICE_TYPE_IDS as readonly number[]).includes(t))
  )
    out.push('service-types');
  return out;
}

/** What changes of status are allowed: open → matched | closed; matched → closed. */
export function canMove(from: NeedStatus, to: NeedStatus): boolean {
  if (from === 'open') return to === 'matched' || to === 'closed';
  if (from === 'matched') return to === 'closed';
  return false;
}
