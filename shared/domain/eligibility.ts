/**
 * Eligibility (申报条件, plan §3; alliance rules from §1.3, §2 and §4): every rule is checked and
 * reported by id, with the clause it comes from, the values it looked at and a message in English
 * and Chinese that says what passed or failed.
 *
 * Pure: no I/O and no clock — the caller passes `now`. Ratios are decided with integer (BigInt)
 * cross-multiplication, never floating point: "10%以上" and "不低于 5%" both include the bound, so
 * exactly 10% and exactly 5% pass. The `ratio` numbers in `values` are for display only.
 *
 * The catalogue is `definitions` below, in report order, made of the lists in ./eligibility/
 * (member-rules.ts: E1–E6, S1–S4, R1; alliance-rules.ts: A1–A5). Adding a rule is one entry in one
 * of them: give it an id, a clause, a title, a scope (which subjects it is checked for) and a
 * `check` (the building blocks are in ./eligibility/core.ts). A rule that needs data the input
 * does not carry yet adds an optional field to `EligibilityInput` and reads it through `ctx.input`
 * (member rules) or `input` (alliance rules).
 *
 * Priorities (§3.3: key sectors, several enterprises and societies, cross-sector) weigh in ranking
 * only; nothing here reads them, so they never make an ineligible alliance eligible.
 */

import { allianceRules } from './eligibility/alliance-rules.ts';
import {
  type Def,
  type EligibilityInput,
  type MemberContext,
  type Outcome,
  outcome,
  type RuleScope,
} from './eligibility/core.ts';
import { enterpriseRules, organisationRules, societyRules } from './eligibility/member-rules.ts';
import type { EligibilityReport, RuleResult } from './eligibility-report.ts';
import type { Member } from './model/alliance.ts';
import type { Enterprise, Organisation, Society } from './model/organisation.ts';
import type { Text } from './text.ts';

export {
  type EligibilityInput,
  FINANCES_MAX_AGE_YEARS,
  type MemberContext,
  programmeYear,
  type RuleScope,
} from './eligibility/core.ts';
export type { Enterprise, Society } from './model/organisation.ts';

/** The catalogue, in report order. */
const definitions = [...enterpriseRules, ...societyRules, ...allianceRules, ...organisationRules] as const;

// ---------------------------------------------------------------------------------------------
// The public API

export type RuleId = (typeof definitions)[number]['id'];

/** The catalogue in report order, for documentation and OpenAPI. */
export const rules: Readonly<Record<RuleId, { clause: string; title: Text; scope: RuleScope }>> =
  Object.freeze(
    Object.fromEntries(
      definitions.map((d) => [d.id, { clause: d.clause, title: d.title, scope: d.scope }]),
    ) as Record<RuleId, { clause: string; title: Text; scope: RuleScope }>,
  );

/** Every rule id, in catalogue order. */
export const ruleIds = definitions.map((d) => d.id) as readonly RuleId[];

/** The rule ids checked for a subject of this kind (a confirmed member, or the alliance). */
export function ruleIdsFor(kind: 'enterprise' | 'society' | 'alliance'): RuleId[] {
  return definitions
    .filter((d) => d.scope === kind || (kind !== 'alliance' && d.scope === 'organisation'))
    .map((d) => d.id);
}

type Subject = RuleResult['subject'];

function result(def: Def, subject: Subject, o: Outcome): RuleResult {
  return { id: def.id, clause: def.clause, subject, passed: o.passed, values: o.values, message: o.message };
}

/** Runs one member rule, failing it (never throwing) when the profile is missing or of the other kind. */
function checkMember(
  def: Def,
  profile: Organisation | undefined,
  kind: Member['kind'],
  ctx: MemberContext,
): Outcome {
  if (!profile) {
    return outcome(
      false,
      { profile: null },
      {
        en: 'No organisation profile is on file, so this cannot be checked',
        zh: '尚无单位信息，无法审核此项',
      },
    );
  }
  const expected = def.scope === 'organisation' ? kind : def.scope;
  if (profile.kind !== expected) {
    const label = (k: string) =>
      k === 'enterprise' ? { en: 'an enterprise', zh: '企业' } : { en: 'a society', zh: '学会' };
    return outcome(
      false,
      { memberKind: kind, profileKind: profile.kind },
      {
        en: `The member joined as ${label(expected).en} but its profile is ${label(profile.kind).en}`,
        zh: `该成员以${label(expected).zh}身份加入，但其单位信息登记为${label(profile.kind).zh}`,
      },
    );
  }
  switch (def.scope) {
    case 'enterprise':
      return def.check(profile as Enterprise, ctx);
    case 'society':
      return def.check(profile as Society, ctx);
    case 'organisation':
      return def.check(profile, ctx);
    case 'alliance':
      throw new Error(`${def.id} is an alliance rule`);
  }
}

function memberResults(
  kind: Member['kind'],
  subject: Subject,
  profile: Organisation | undefined,
  ctx: MemberContext,
): RuleResult[] {
  return (definitions as readonly Def[])
    .filter((d) => d.scope === kind || d.scope === 'organisation')
    .map((d) => result(d, subject, checkMember(d, profile, kind, ctx)));
}

/** E1–E6 (an enterprise) or S1–S4 (a society) for one organisation alone; S4 reads the experts its profile names. */
export function evaluateOrganisation(profile: Organisation, now: Date): RuleResult[] {
  const subject = { kind: profile.kind, organisationId: profile.id, name: profile.name };
  return memberResults(profile.kind, subject, profile, { organisationId: profile.id, now });
}

/** Every rule for every confirmed member and for the alliance; `eligible` when all pass. */
export function evaluateEligibility(input: EligibilityInput): EligibilityReport {
  const { alliance, members, round, now } = input;
  const confirmed = members.filter((m) => m.member.state === 'confirmed');
  const block = (kind: Member['kind']) =>
    confirmed
      .filter((m) => m.member.kind === kind)
      .flatMap(({ member, profile }) =>
        memberResults(
          kind,
          { kind, organisationId: member.organisationId, name: profile?.name ?? member.name },
          profile,
          { organisationId: member.organisationId, now, round, alliance, input },
        ),
      );
  const allianceResults = (definitions as readonly Def[])
    .filter((d): d is Extract<Def, { scope: 'alliance' }> => d.scope === 'alliance')
    .map((d) => result(d, { kind: 'alliance' }, d.check(input)));
  const results = [...block('enterprise'), ...block('society'), ...allianceResults];
  const failed = new Set(results.filter((r) => !r.passed).map((r) => r.id));
  const failing = ruleIds.filter((id) => failed.has(id));
  return { eligible: failing.length === 0, checkedAt: now.toISOString(), failing, results };
}
