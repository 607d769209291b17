/**
 * What every eligibility rule is made of (see ../eligibility.ts, which assembles the catalogue):
 * the input it reads, the outcome it returns, and the helpers that write the values into its
 * messages the same way everywhere.
 */
import { cstYear } from '../cst.ts';
import type { AllianceRecord, Member } from '../model/alliance.ts';
import type { DocumentRecord } from '../model/document.ts';
import type { Enterprise, Organisation, Society } from '../model/organisation.ts';
import type { Round } from '../model/round.ts';
import type { Text } from '../text.ts';

export interface EligibilityInput {
  alliance: AllianceRecord;
  /** Every member, including invited and declined ones; `profile` undefined when none is on file. */
  members: { member: Member; profile: Organisation | undefined }[];
  round: Round;
  /** The alliance's documents (A4 looks for a verified agreement). */
  documents: DocumentRecord[];
  now: Date;
  /**
   * R1: the overdue reports (§4.4) of the member organisations' designated alliances. Absent when
   * not loaded; the caller that submits loads them (shared/usecases/alliances.ts).
   */
  overdueReports?: { organisationId: string; allianceId: string; kind: string; due: string }[];
}

export type Outcome = { passed: boolean; values: Record<string, unknown>; message: Text };

/** What a member rule may look at besides the profile. `round`, `alliance` and `input` are absent
 * when one organisation is checked alone (`evaluateOrganisation`). */
export interface MemberContext {
  organisationId: string;
  now: Date;
  round?: Round;
  alliance?: AllianceRecord;
  input?: EligibilityInput;
}

/**
 * Which subjects a rule is checked for: each confirmed enterprise, each confirmed society, each
 * confirmed member of either kind (`organisation`, e.g. a future "no overdue report" rule), or the
 * alliance once.
 */
export type RuleScope = 'enterprise' | 'society' | 'organisation' | 'alliance';

interface Head<Id extends string, S extends RuleScope> {
  id: Id;
  scope: S;
  clause: string;
  title: Text;
}
export type Def<Id extends string = string> =
  | (Head<Id, 'enterprise'> & { check: (e: Enterprise, ctx: MemberContext) => Outcome })
  | (Head<Id, 'society'> & { check: (s: Society, ctx: MemberContext) => Outcome })
  | (Head<Id, 'organisation'> & { check: (o: Organisation, ctx: MemberContext) => Outcome })
  | (Head<Id, 'alliance'> & { check: (input: EligibilityInput) => Outcome });

export const rule = <const Id extends string>(def: Def<Id>) => def;

// ---------------------------------------------------------------------------------------------
// Helpers

/** The programme runs in Wuhan: calendar years are China Standard Time (UTC+8, no daylight saving). */
export const programmeYear = (now: Date): number => cstYear(now);

/** How many years before the current one a financial year may be for E4 (2 → 2023 is fine in 2025). */
export const FINANCES_MAX_AGE_YEARS = 2;

/** A basis-point count as a percentage, e.g. 999 → "9.99%", 5000 → "50%". */
export function bpText(bp: bigint): string {
  const whole = bp / 100n;
  const frac = bp % 100n;
  if (frac === 0n) return `${whole}%`;
  return `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}%`;
}

/** num/den as a percentage rounded down to 0.01%, so a share below a bound never reads as the bound. */
export function shareText(num: bigint, den: bigint): string {
  return bpText((num * 10_000n) / den);
}

/**
 * An amount as the rule messages write it, digits without grouping: "300000 yuan" / "300000 元"
 * (the tests and the messages' readers match on the bare number). Displays of money use `yuan`
 * from ../money.ts.
 */
export const plainYuan = (n: number | bigint): Text => ({ en: `${n} yuan`, zh: `${n} 元` });

/** "1 enterprise", "2 enterprises". */
export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const outcome = (passed: boolean, values: Record<string, unknown>, message: Text): Outcome => ({
  passed,
  values,
  message,
});

export const names = (list: { member: Member; profile: Organisation | undefined }[]) =>
  list.map(({ member, profile }) => profile?.name ?? member.name);
