import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EligibilityInput,
  type Enterprise,
  evaluateEligibility,
  evaluateOrganisation,
  type RuleId,
  ruleIds,
  ruleIdsFor,
  type Society,
} from '../../../shared/domain/eligibility.ts';
import type { AllianceRecord, BudgetLine, Member } from '../../../shared/domain/model/alliance.ts';
import type { DocumentRecord } from '../../../shared/domain/model/document.ts';
import type { Organisation } from '../../../shared/domain/model/organisation.ts';
import type { Round } from '../../../shared/domain/model/round.ts';

// Minimal valid objects (the example-based suite has the annotated versions).
const T0 = '2025-01-10T02:00:00.000Z';
const OPENS = Date.parse('2025-03-01T00:00:00.000Z');
const CLOSES = Date.parse('2025-06-30T16:00:00.000Z');
const NOW = new Date('2025-05-15T04:00:00.000Z');
const stored = { version: 1, createdAt: T0, updatedAt: T0 };
const contact = { name: '张伟', phone: '027-87654321' };

const enterprise = (id: string, over: Partial<Enterprise> = {}): Enterprise => ({
  kind: 'enterprise',
  id,
  ...stored,
  name: `企业 ${id}`,
  uscc: '91350100M000100Y43',
  legalPerson: true,
  techSme: true,
  mainBusiness: { description: '研发', techIntensive: true },
  employees: 120,
  rdStaff: 12,
  finances: { year: 2024, operatingRevenue: 1_000, rdExpenditure: 50 },
  workplace: { provided: true },
  stAssociation: 'established',
  contact,
  ...over,
});

const society = (id: string, over: Partial<Society> = {}): Society => ({
  kind: 'society',
  id,
  ...stored,
  name: `学会 ${id}`,
  uscc: '91350100M000100Y43',
  societyType: 'city-affiliated',
  serviceRecords: [{ year: 2024, kind: 'training', title: '培训' }],
  annualPlan: { year: 2025, includesTask: true, responsibleStaff: contact },
  experts: [{ name: '王教授', title: '教授', field: '光电子' }],
  contact,
  ...over,
});

const round = (over: Partial<Round> = {}): Round => ({
  id: 'round-2025',
  ...stored,
  name: '2025',
  year: 2025,
  budget: 5_000_000,
  perAllianceCap: 300_000,
  enterpriseContributionMinPercent: 50,
  applicationWindow: { opensAt: new Date(OPENS).toISOString(), closesAt: new Date(CLOSES).toISOString() },
  reviewDeadline: '2025-08-31T00:00:00.000Z',
  reviewersPerAlliance: 3,
  rubric: [{ id: 'innovation', name: '创新性', weight: 100, max: 10 }],
  noticePeriodDays: 7,
  prioritySectors: [],
  bonuses: { multipleEnterprisesAndSocieties: 0, crossSector: 0 },
  selectionPolicy: 'rank-order',
  status: 'open',
  ...over,
});

const alliance = (over: Partial<AllianceRecord> = {}): AllianceRecord => ({
  id: 'all-1',
  roundId: 'round-2025',
  name: '联盟',
  status: 'draft',
  createdBy: 'org-0',
  ...stored,
  goals: '目标',
  tasks: [{ title: '任务' }],
  guaranteeMeasures: '保障',
  period: { start: '2025-07-01', end: '2026-06-30' },
  rightsSharing: '共有',
  expertTeam: [],
  workPlan: [{ milestone: '评审', due: '2025-09-30' }],
  indicators: [{ id: 'patents', name: '专利', target: 2 }],
  budgetLines: [
    { id: 'equipment', category: '设备', amount: 1_000, enterpriseFunds: 500, programmeFunds: 500 },
  ],
  ...over,
});

const agreement = (status: DocumentRecord['status'], over: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id: 'doc-1',
  allianceId: 'all-1',
  kind: 'agreement',
  status,
  contentType: 'application/pdf',
  maxBytes: 1_000_000,
  uploadedBy: 'user-1',
  requestedAt: '2025-04-01T00:00:00.000Z',
  ...over,
});

const MONEY_MAX = 100_000_000_000;

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** employees and rdStaff ≤ employees, often right at the 10% boundary. */
const staff = fc.oneof(
  fc
    .integer({ min: 1, max: 10_000_000 })
    .chain((employees) =>
      fc.record({ employees: fc.constant(employees), rdStaff: fc.integer({ min: 0, max: employees }) }),
    ),
  fc
    .tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -2, max: 2 }))
    .map(([employees, delta]) => ({
      employees,
      rdStaff: Math.min(employees, Math.max(0, Math.ceil(employees / 10) + delta)),
    })),
);

/** A budget line: enterpriseFunds + programmeFunds ≤ amount, as the schema requires. */
const budgetLine = (i: number) =>
  fc
    .integer({ min: 0, max: MONEY_MAX })
    .chain((amount) =>
      fc.integer({ min: 0, max: amount }).chain((enterpriseFunds) =>
        fc.record({
          amount: fc.constant(amount),
          enterpriseFunds: fc.constant(enterpriseFunds),
          programmeFunds: fc.integer({ min: 0, max: amount - enterpriseFunds }),
        }),
      ),
    )
    .map((l): BudgetLine => ({ id: `line-${i}`, category: '科目', ...l }));

const budgetLines = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => budgetLine(i))))
  .map((lines) => [...lines]);

/** Lines with the enterprises' share next to the round's threshold (where mistakes live). */
const nearThreshold = fc
  .tuple(
    fc.integer({ min: 0, max: 10_000 }),
    fc.integer({ min: 1, max: 1_000_000_000 }),
    fc.integer({ min: -3, max: 3 }),
  )
  .map(([bp, amount, delta]) => {
    const enterpriseFunds = Math.min(amount, Math.max(0, Math.ceil((amount * bp) / 10_000) + delta));
    return {
      bp,
      lines: [{ id: 'line-0', category: '科目', amount, enterpriseFunds, programmeFunds: 0 }] as BudgetLine[],
    };
  });

type MemberSpec = {
  kind: Member['kind'];
  state: Member['state'];
  profile: 'matching' | 'missing' | 'other-kind' | 'failing';
};
const memberSpec = fc.record<MemberSpec>({
  kind: fc.constantFrom('enterprise', 'society'),
  state: fc.constantFrom('confirmed', 'confirmed', 'invited', 'declined'),
  profile: fc.constantFrom('matching', 'matching', 'missing', 'other-kind', 'failing'),
});

function buildMembers(specs: MemberSpec[]): EligibilityInput['members'] {
  return specs.map((spec, i) => {
    const id = `org-${i}`;
    const asKind = (kind: Member['kind'], failing: boolean): Organisation =>
      kind === 'enterprise'
        ? enterprise(id, failing ? { rdStaff: 0, stAssociation: 'none' } : {})
        : society(id, failing ? { serviceRecords: [], societyType: 'other' } : {});
    const profile =
      spec.profile === 'missing'
        ? undefined
        : spec.profile === 'other-kind'
          ? asKind(spec.kind === 'enterprise' ? 'society' : 'enterprise', false)
          : asKind(spec.kind, spec.profile === 'failing');
    const member: Member = {
      organisationId: id,
      kind: spec.kind,
      name: `成员 ${i}`,
      state: spec.state,
      invitedAt: T0,
    };
    return { member, profile };
  });
}

/** Whole inputs: members of every kind and state, content present or not, documents, any instant. */
const wholeInput: fc.Arbitrary<EligibilityInput> = fc
  .record({
    specs: fc.array(memberSpec, { maxLength: 7 }),
    lines: budgetLines,
    bp: fc.integer({ min: 0, max: 10_000 }),
    cap: fc.integer({ min: 0, max: MONEY_MAX }),
    dropGoals: fc.boolean(),
    emptyIndicators: fc.boolean(),
    expertsFor: fc.array(fc.nat({ max: 7 }), { maxLength: 4 }),
    docs: fc.array(
      fc.constantFrom('pending', 'verified', 'rejected') as fc.Arbitrary<DocumentRecord['status']>,
      {
        maxLength: 3,
      },
    ),
    now: fc.integer({ min: OPENS - 86_400_000, max: CLOSES + 86_400_000 }),
    submitted: fc.option(fc.integer({ min: OPENS - 1000, max: CLOSES + 1000 }), { nil: undefined }),
  })
  .map((r) => ({
    alliance: alliance({
      budgetLines: r.lines,
      goals: r.dropGoals ? undefined : '目标',
      indicators: r.emptyIndicators ? [] : [{ id: 'patents', name: '专利', target: 2 }],
      expertTeam: r.expertsFor.map((i) => ({
        name: '专家',
        title: '教授',
        field: '材料',
        organisationId: `org-${i}`,
      })),
      ...(r.submitted === undefined
        ? {}
        : { status: 'submitted' as const, submittedAt: new Date(r.submitted).toISOString() }),
    }),
    members: buildMembers(r.specs),
    round: round({ enterpriseContributionMinPercent: r.bp / 100, perAllianceCap: r.cap }),
    documents: r.docs.map((status, i) =>
      agreement(status, { id: `doc-${i}`, requestedAt: new Date(OPENS + i * 1000).toISOString() }),
    ),
    now: new Date(r.now),
  }));

const a3 = (input: EligibilityInput) => evaluateEligibility(input).results.find((r) => r.id === 'A3')!;

// ---------------------------------------------------------------------------------------------

describe('eligibility properties', () => {
  it('E3 passes iff rdStaff × 10 ≥ employees', () => {
    fc.assert(
      fc.property(staff, ({ employees, rdStaff }) => {
        const e3 = evaluateOrganisation(enterprise('org-0', { employees, rdStaff }), NOW).find(
          (r) => r.id === 'E3',
        )!;
        expect(e3.passed).toBe(rdStaff * 10 >= employees);
        expect(e3.values).toMatchObject({ rdStaff, employees });
      }),
      { numRuns: 500 },
    );
  });

  it('E4 passes iff rdExpenditure × 20 ≥ operatingRevenue > 0 (for a recent year)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MONEY_MAX }),
        fc.integer({ min: 0, max: MONEY_MAX }),
        (operatingRevenue, rdExpenditure) => {
          const finances = { year: 2024, operatingRevenue, rdExpenditure };
          const e4 = evaluateOrganisation(enterprise('org-0', { finances }), NOW).find((r) => r.id === 'E4')!;
          expect(e4.passed).toBe(
            operatingRevenue > 0 && BigInt(rdExpenditure) * 20n >= BigInt(operatingRevenue),
          );
        },
      ),
    );
  });

  it('A3 passes iff Σenterprise × 10000 ≥ bp × Σamount, Σamount > 0 and Σprogramme ≤ cap (exact)', () => {
    const check = (lines: BudgetLine[], bp: number, cap: number) => {
      const input = { ...wholeBase(), alliance: alliance({ budgetLines: lines }) };
      input.round = round({ enterpriseContributionMinPercent: bp / 100, perAllianceCap: cap });
      const sum = (f: (l: BudgetLine) => number) => lines.reduce((s, l) => s + BigInt(f(l)), 0n);
      const total = sum((l) => l.amount);
      const expected =
        total > 0n &&
        sum((l) => l.enterpriseFunds) * 10_000n >= BigInt(bp) * total &&
        sum((l) => l.programmeFunds) <= BigInt(cap);
      expect(a3(input).passed).toBe(expected);
    };
    fc.assert(
      fc.property(
        budgetLines,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: MONEY_MAX }),
        check,
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(nearThreshold, fc.integer({ min: 0, max: 2 }), ({ bp, lines }, capDelta) => {
        const requested = lines.reduce((s, l) => s + l.programmeFunds, 0);
        check(lines, bp, Math.max(0, requested - 1 + capDelta));
      }),
      { numRuns: 500 },
    );
  });

  it('the report has E1–E6 per confirmed enterprise, S1–S4 per confirmed society and A1–A5 once, in order', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const report = evaluateEligibility(input);
        const confirmed = input.members.filter((m) => m.member.state === 'confirmed').map((m) => m.member);
        const expected = [
          ...confirmed
            .filter((m) => m.kind === 'enterprise')
            .flatMap((m) => ruleIdsFor('enterprise').map((id) => `${id}:${m.organisationId}`)),
          ...confirmed
            .filter((m) => m.kind === 'society')
            .flatMap((m) => ruleIdsFor('society').map((id) => `${id}:${m.organisationId}`)),
          ...ruleIdsFor('alliance').map((id) => `${id}:alliance`),
        ];
        expect(report.results.map((r) => `${r.id}:${r.subject.organisationId ?? 'alliance'}`)).toEqual(
          expected,
        );
        for (const r of report.results) {
          // R1 (organisation scope) is checked for members of either kind.
          const memberKind = confirmed.find((m) => m.organisationId === r.subject.organisationId)?.kind;
          expect(r.subject.kind).toBe(
            r.subject.organisationId
              ? r.id.startsWith('E')
                ? 'enterprise'
                : r.id.startsWith('S')
                  ? 'society'
                  : memberKind
              : 'alliance',
          );
          expect(r.message.en.length).toBeGreaterThan(0);
          expect(r.message.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('`failing` is the failed rule ids, once each, in catalogue order; `eligible` iff none failed', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const report = evaluateEligibility(input);
        const failed = new Set(report.results.filter((r) => !r.passed).map((r) => r.id));
        expect(report.failing).toEqual(ruleIds.filter((id) => failed.has(id)));
        expect(new Set(report.failing).size).toBe(report.failing.length);
        expect(report.eligible).toBe(report.results.every((r) => r.passed));
        expect(report.eligible).toBe(report.failing.length === 0);
        expect(report.checkedAt).toBe(input.now.toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and does not mutate its input (even a frozen one)', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const before = structuredClone(input);
        const first = evaluateEligibility(deepFreeze(input));
        expect(input).toEqual(before);
        expect(evaluateEligibility(structuredClone(before))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('some generated inputs are eligible and some fail each rule (the generator reaches every branch)', () => {
    const seen = new Set<RuleId | 'eligible'>();
    fc.assert(
      fc.property(wholeInput, (input) => {
        const report = evaluateEligibility(input);
        if (report.eligible) seen.add('eligible');
        for (const id of report.failing) seen.add(id as RuleId);
      }),
      { numRuns: 1000, seed: 42 },
    );
    // E1/E2/E5 and S3 only fail through a missing or mismatched profile here; that is enough.
    for (const id of ['E1', 'E3', 'E6', 'S1', 'S2', 'S4', 'A1', 'A2', 'A3', 'A4', 'A5'] as const) {
      expect(seen.has(id), id).toBe(true);
    }
  });
});

/** A fully valid input to vary one part of. */
function wholeBase(): EligibilityInput {
  const e = enterprise('org-0');
  const s = society('org-1');
  const m = (o: Organisation): Member => ({
    organisationId: o.id,
    kind: o.kind,
    name: o.name,
    state: 'confirmed',
    invitedAt: T0,
  });
  return {
    alliance: alliance({
      expertTeam: [{ name: '专家', title: '教授', field: '材料', organisationId: 'org-1' }],
    }),
    members: [
      { member: m(e), profile: e },
      { member: m(s), profile: s },
    ],
    round: round(),
    documents: [agreement('verified')],
    now: NOW,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('the fixture of the property suite', () => {
  it('is eligible', () => {
    expect(evaluateEligibility(wholeBase()).failing).toEqual([]);
  });
  it('a percent with two decimals converts back to its basis points exactly (0.00–100.00)', () => {
    for (let bp = 0; bp <= 10_000; bp++) expect(Math.round((bp / 100) * 100)).toBe(bp);
  });
});
