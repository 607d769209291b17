import { describe, expect, it } from 'vitest';
import {
  type AllianceRecord,
  AllianceSchema,
  type BudgetLine,
  type Member,
} from '../../../shared/api/alliances.ts';
import { type DocumentRecord, DocumentSchema } from '../../../shared/api/documents.ts';
import { EligibilityReportSchema, type RuleResult } from '../../../shared/api/eligibility.ts';
import { type Organisation, OrganisationSchema } from '../../../shared/api/organisations.ts';
import { type Round, RoundSchema } from '../../../shared/api/rounds.ts';
import {
  type EligibilityInput,
  type Enterprise,
  evaluateEligibility,
  evaluateOrganisation,
  programmeYear,
  type RuleId,
  ruleIds,
  ruleIdsFor,
  rules,
  type Society,
} from '../../../shared/domain/eligibility.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures: each factory returns a valid object; a case overrides one field.

const T0 = '2025-01-10T02:00:00.000Z';
const OPENS = '2025-03-01T00:00:00.000+08:00';
const CLOSES = '2025-06-30T23:59:59.999+08:00';
const NOW = new Date('2025-05-15T04:00:00.000Z');

function enterprise(over: Partial<Enterprise> = {}): Enterprise {
  return {
    kind: 'enterprise',
    id: 'ent-1',
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    name: '光谷光电科技有限公司',
    uscc: '91350100M000100Y43',
    legalPerson: true,
    techSme: true,
    mainBusiness: { description: '光电器件研发与生产', techIntensive: true },
    employees: 120,
    rdStaff: 12,
    finances: { year: 2024, operatingRevenue: 10_000_000, rdExpenditure: 500_000 },
    workplace: { provided: true, description: '200 m² lab' },
    stAssociation: 'established',
    contact: { name: '张伟', phone: '027-87654321' },
    ...over,
  };
}

function society(over: Partial<Society> = {}): Society {
  return {
    kind: 'society',
    id: 'soc-1',
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    name: '武汉光学学会',
    uscc: '91350100M000100Y43',
    societyType: 'city-affiliated',
    serviceRecords: [{ year: 2024, kind: 'training', title: '光电企业工程师培训' }],
    annualPlan: { year: 2025, includesTask: true, responsibleStaff: { name: '李娜', phone: '027-12345678' } },
    experts: [{ name: '王教授', title: '教授', field: '光电子' }],
    contact: { name: '李娜', phone: '027-12345678' },
    ...over,
  };
}

function round(over: Partial<Round> = {}): Round {
  return {
    id: 'round-2025',
    name: '2025 年企会协作创新计划',
    year: 2025,
    budget: 5_000_000,
    perAllianceCap: 300_000,
    enterpriseContributionMinPercent: 50,
    applicationWindow: { opensAt: OPENS, closesAt: CLOSES },
    reviewDeadline: '2025-08-31T23:59:59.000+08:00',
    reviewersPerAlliance: 3,
    rubric: [{ id: 'innovation', name: '创新性', weight: 100, max: 10 }],
    noticePeriodDays: 7,
    prioritySectors: [{ id: 'optoelectronics', name: '光电子', bonus: 5 }],
    bonuses: { multipleEnterprisesAndSocieties: 2, crossSector: 1 },
    selectionPolicy: 'rank-order',
    status: 'open',
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

/** One line: 1,000,000 total, 500,000 from the enterprises (exactly 50%), 300,000 asked (the cap). */
function line(over: Partial<BudgetLine> = {}): BudgetLine {
  return {
    id: 'equipment',
    category: '设备',
    amount: 1_000_000,
    enterpriseFunds: 500_000,
    programmeFunds: 300_000,
    ...over,
  };
}

function alliance(over: Partial<AllianceRecord> = {}): AllianceRecord {
  return {
    id: 'all-1',
    roundId: 'round-2025',
    name: '光电器件协同创新联盟',
    status: 'draft',
    version: 3,
    createdBy: 'ent-1',
    createdAt: T0,
    updatedAt: T0,
    summary: '联合攻关高功率激光器件',
    goals: '突破高功率激光器散热关键技术',
    tasks: [{ title: '散热结构设计' }],
    guaranteeMeasures: '企业提供实验室；学会派驻专家',
    period: { start: '2025-07-01', end: '2026-06-30' },
    rightsSharing: '专利由双方共有，企业享有优先实施权',
    expertTeam: [{ name: '王教授', title: '教授', field: '光电子', organisationId: 'soc-1' }],
    workPlan: [{ milestone: '方案评审', due: '2025-09-30' }],
    indicators: [{ id: 'patents', name: '专利申请', target: 2, unit: '件' }],
    budgetLines: [line()],
    serviceTypes: [4],
    sectors: ['optoelectronics'],
    ...over,
  };
}

function member(org: Organisation, state: Member['state'] = 'confirmed', over: Partial<Member> = {}): Member {
  return {
    organisationId: org.id,
    kind: org.kind,
    name: org.name,
    state,
    invitedAt: T0,
    ...(state === 'invited' ? {} : { respondedAt: T0 }),
    ...over,
  };
}

function agreement(over: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: 'doc-1',
    allianceId: 'all-1',
    kind: 'agreement',
    status: 'verified',
    fileName: '任务协议书.pdf',
    contentType: 'application/pdf',
    maxBytes: 20 * 1024 * 1024,
    uploadedBy: 'user-1',
    organisationId: 'ent-1',
    requestedAt: '2025-04-01T02:00:00.000Z',
    verifiedAt: '2025-04-01T02:01:00.000Z',
    size: 123_456,
    ...over,
  };
}

function input(over: Partial<EligibilityInput> = {}): EligibilityInput {
  const e = enterprise();
  const s = society();
  return {
    alliance: alliance(),
    members: [
      { member: member(e), profile: e },
      { member: member(s), profile: s },
    ],
    round: round(),
    documents: [agreement()],
    now: NOW,
    ...over,
  };
}

/** The result of `id` (for the member `organisationId`, when given). */
function find(results: RuleResult[], id: RuleId, organisationId?: string): RuleResult {
  const found = results.filter(
    (r) => r.id === id && (!organisationId || r.subject.organisationId === organisationId),
  );
  expect(found, `${id} ${organisationId ?? ''}`).toHaveLength(1);
  return found[0]!;
}

const checkEnterprise = (over: Partial<Enterprise>, now = NOW) => evaluateOrganisation(enterprise(over), now);
const checkSociety = (over: Partial<Society>) =>
  evaluateEligibility(input({ members: withSociety(society(over)) }));
const withSociety = (s: Society) => {
  const e = enterprise();
  return [
    { member: member(e), profile: e as Organisation },
    { member: member(s), profile: s as Organisation },
  ];
};
const checkAlliance = (over: Partial<EligibilityInput>) => evaluateEligibility(input(over)).results;

/** Chinese characters present, and every number in `numbers` in both languages. */
function expectMessage(r: RuleResult, ...fragments: (string | number)[]) {
  expect(r.message.en.length).toBeGreaterThan(0);
  expect(r.message.zh).toMatch(/[\u4e00-\u9fff]/);
  for (const f of fragments) {
    expect(r.message.en).toContain(String(f));
    expect(r.message.zh).toContain(String(f));
  }
}

// ---------------------------------------------------------------------------------------------

describe('fixtures', () => {
  it('are valid according to the API schemas', () => {
    expect(() => OrganisationSchema.parse(enterprise())).not.toThrow();
    expect(() => OrganisationSchema.parse(society())).not.toThrow();
    expect(() => RoundSchema.parse(round())).not.toThrow();
    expect(() => DocumentSchema.parse(agreement())).not.toThrow();
    const i = input();
    expect(() =>
      AllianceSchema.parse({ ...i.alliance, members: i.members.map((m) => m.member), statusHistory: [] }),
    ).not.toThrow();
  });

  it('the valid alliance is eligible, with every rule passing', () => {
    const report = evaluateEligibility(input());
    expect(report.failing).toEqual([]);
    expect(report.eligible).toBe(true);
    // One enterprise, one society: each with its own rules and R1 (organisation scope), then the alliance.
    expect(report.results.map((r) => r.id)).toEqual([
      ...ruleIds.filter((id) => id.startsWith('E')),
      'R1',
      ...ruleIds.filter((id) => id.startsWith('S')),
      'R1',
      ...ruleIds.filter((id) => id.startsWith('A')),
    ]);
    expect(report.checkedAt).toBe(NOW.toISOString());
    expect(() => EligibilityReportSchema.parse(report)).not.toThrow();
  });
});

describe('E1–E6: enterprise rules at their boundaries', () => {
  const cases: {
    name: string;
    over: Partial<Enterprise>;
    id: RuleId;
    passed: boolean;
    mentions?: (string | number)[];
  }[] = [
    {
      name: 'valid USCC check character',
      over: {},
      id: 'E1',
      passed: true,
      mentions: ['91350100M000100Y43'],
    },
    {
      name: 'wrong USCC check character',
      over: { uscc: '91350100M000100Y44' },
      id: 'E1',
      passed: false,
      mentions: ['91350100M000100Y44'],
    },
    { name: 'not an independent legal person', over: { legalPerson: false }, id: 'E1', passed: false },
    { name: 'not a technology-based SME', over: { techSme: false }, id: 'E1', passed: false },
    {
      name: 'main business not technology-intensive',
      over: { mainBusiness: { description: '商贸', techIntensive: false } },
      id: 'E2',
      passed: false,
    },
    {
      name: 'R&D staff exactly 10% (1000 of 10000)',
      over: { employees: 10_000, rdStaff: 1_000 },
      id: 'E3',
      passed: true,
      mentions: ['10%', 1000, 10000],
    },
    {
      name: 'R&D staff 9.99% (999 of 10000)',
      over: { employees: 10_000, rdStaff: 999 },
      id: 'E3',
      passed: false,
      mentions: ['9.99%', 999, 10000],
    },
    { name: 'R&D staff 12 of 120', over: { employees: 120, rdStaff: 12 }, id: 'E3', passed: true },
    { name: 'R&D staff 11 of 120', over: { employees: 120, rdStaff: 11 }, id: 'E3', passed: false },
    { name: 'one employee, no R&D staff', over: { employees: 1, rdStaff: 0 }, id: 'E3', passed: false },
    {
      name: 'R&D staff outnumber employees (corrupt profile)',
      over: { employees: 10, rdStaff: 11 },
      id: 'E3',
      passed: false,
    },
    {
      name: 'R&D spend exactly 5%',
      over: { finances: { year: 2024, operatingRevenue: 10_000_000, rdExpenditure: 500_000 } },
      id: 'E4',
      passed: true,
      mentions: ['5%', 500000, 10000000],
    },
    {
      name: 'R&D spend one yuan under 5%',
      over: { finances: { year: 2024, operatingRevenue: 10_000_000, rdExpenditure: 499_999 } },
      id: 'E4',
      passed: false,
      mentions: ['4.99%', 499999, 10000000],
    },
    {
      name: 'operating revenue 0',
      over: { finances: { year: 2024, operatingRevenue: 0, rdExpenditure: 10_000 } },
      id: 'E4',
      passed: false,
      mentions: ['0', 10000],
    },
    {
      name: 'financial year in the future',
      over: { finances: { year: 2026, operatingRevenue: 100, rdExpenditure: 5 } },
      id: 'E4',
      passed: false,
      mentions: [2026, 2025, '2023'],
    },
    {
      name: 'financial year two years back',
      over: { finances: { year: 2023, operatingRevenue: 100, rdExpenditure: 5 } },
      id: 'E4',
      passed: true,
    },
    {
      name: 'financial year three years back',
      over: { finances: { year: 2022, operatingRevenue: 100, rdExpenditure: 5 } },
      id: 'E4',
      passed: false,
      mentions: [2022, '2023', 2025],
    },
    {
      name: 'financial year current',
      over: { finances: { year: 2025, operatingRevenue: 100, rdExpenditure: 5 } },
      id: 'E4',
      passed: true,
    },
    { name: 'no workplace', over: { workplace: { provided: false } }, id: 'E5', passed: false },
    { name: 'S&T association established', over: { stAssociation: 'established' }, id: 'E6', passed: true },
    {
      name: 'S&T association in preparation',
      over: { stAssociation: 'in-preparation' },
      id: 'E6',
      passed: true,
    },
    { name: 'no S&T association', over: { stAssociation: 'none' }, id: 'E6', passed: false },
  ];

  it.each(cases)('$id: $name → passed=$passed', ({ over, id, passed, mentions = [] }) => {
    const results = checkEnterprise(over);
    expect(results.map((r) => r.id)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'R1']);
    const r = find(results, id);
    expect(r.passed).toBe(passed);
    expect(r.clause).toBe(rules[id].clause);
    expect(r.subject).toEqual({ kind: 'enterprise', organisationId: 'ent-1', name: '光谷光电科技有限公司' });
    expectMessage(r, ...mentions);
    // The override touches one rule only.
    expect(results.filter((x) => !x.passed).map((x) => x.id)).toEqual(passed ? [] : [id]);
  });

  it('E1 says which check character is right, and everything that failed', () => {
    const r = find(checkEnterprise({ uscc: '91350100M000100Y44' }), 'E1');
    expect(r.values).toEqual({
      legalPerson: true,
      techSme: true,
      uscc: '91350100M000100Y44',
      usccValid: false,
    });
    expect(r.message.en).toContain('it should be 3');
    expect(r.message.zh).toContain('应为 3');
    const all = find(
      checkEnterprise({ uscc: '91350100M000100Y44', legalPerson: false, techSme: false }),
      'E1',
    );
    expect(all.message.en).toBe(
      'Not eligible: not an independent legal person; not a technology-based SME; ' +
        'the Unified Social Credit Code 91350100M000100Y44 is not valid: the check character is 4; it should be 3',
    );
    expect(all.message.zh).toBe(
      '不符合条件：不具有独立法人资格；不是科技型中小企业；统一社会信用代码 91350100M000100Y44 无效：校验码为 4，应为 3',
    );
  });

  it('E3 reports the integers it decided on', () => {
    expect(find(checkEnterprise({ employees: 120, rdStaff: 12 }), 'E3').values).toEqual({
      rdStaff: 12,
      employees: 120,
      ratio: 0.1,
      threshold: 0.1,
    });
    expect(find(checkEnterprise({ employees: 10_000, rdStaff: 999 }), 'E3').message.en).toBe(
      'R&D staff are 9.99% of employees (999 of 10000); at least 10% is required',
    );
  });

  it('E3 never rounds a failing share up to the bound (9999 of 100000 reads 9.99%, not 10%)', () => {
    const r = find(checkEnterprise({ employees: 100_000, rdStaff: 9_999 }), 'E3');
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain('9.99%');
  });

  it('E4 explains the year window in its values', () => {
    const r = find(
      checkEnterprise({ finances: { year: 2022, operatingRevenue: 100, rdExpenditure: 5 } }),
      'E4',
    );
    expect(r.values).toMatchObject({
      year: 2022,
      acceptedYears: { from: 2023, to: 2025 },
      yearAccepted: false,
    });
    expect(r.message.en).toContain('more than 2 years');
  });

  it('E4 reports both a low share and an old year', () => {
    const r = find(
      checkEnterprise({ finances: { year: 2020, operatingRevenue: 100, rdExpenditure: 4 } }),
      'E4',
    );
    expect(r.passed).toBe(false);
    expectMessage(r, '4%', 2020);
  });

  it('E4 uses the calendar year in Wuhan (UTC+8): 2025-12-31T16:00Z is already 2026', () => {
    const newYearInWuhan = new Date('2025-12-31T16:00:00.000Z');
    expect(programmeYear(newYearInWuhan)).toBe(2026);
    expect(programmeYear(new Date('2025-12-31T15:59:59.999Z'))).toBe(2025);
    const f = (year: number) => ({ finances: { year, operatingRevenue: 100, rdExpenditure: 5 } });
    expect(find(checkEnterprise(f(2026), newYearInWuhan), 'E4').passed).toBe(true);
    expect(find(checkEnterprise(f(2023), newYearInWuhan), 'E4').passed).toBe(false);
    expect(find(checkEnterprise(f(2026), new Date('2025-12-31T15:59:59.999Z')), 'E4').passed).toBe(false);
  });

  it('E4 is exact where floating point is not (amounts near 10^11)', () => {
    const revenue = 99_999_999_999;
    const atBound = Math.ceil(revenue / 20); // 4_999_999_999.95 → 5_000_000_000
    const pass = find(
      checkEnterprise({ finances: { year: 2024, operatingRevenue: revenue, rdExpenditure: atBound } }),
      'E4',
    );
    const fail = find(
      checkEnterprise({ finances: { year: 2024, operatingRevenue: revenue, rdExpenditure: atBound - 1 } }),
      'E4',
    );
    expect([pass.passed, fail.passed]).toEqual([true, false]);
  });
});

describe('S1–S4: society rules at their boundaries', () => {
  const cases: {
    name: string;
    over: Partial<Society>;
    id: RuleId;
    passed: boolean;
    mentions?: (string | number)[];
  }[] = [
    { name: 'affiliated to the city Association', over: {}, id: 'S1', passed: true },
    {
      name: 'university S&T association in the city',
      over: { societyType: 'university-in-city', university: '华中科技大学' },
      id: 'S1',
      passed: true,
      mentions: ['华中科技大学'],
    },
    { name: 'some other society', over: { societyType: 'other' }, id: 'S1', passed: false },
    { name: 'one service record', over: {}, id: 'S2', passed: true, mentions: [1] },
    { name: 'no service record', over: { serviceRecords: [] }, id: 'S2', passed: false, mentions: [1] },
    {
      name: 'task not in the plan',
      over: {
        annualPlan: {
          year: 2025,
          includesTask: false,
          responsibleStaff: { name: '李娜', phone: '027-12345678' },
        },
      },
      id: 'S3',
      passed: false,
    },
    {
      name: 'no responsible staff',
      over: { annualPlan: { year: 2025, includesTask: true } },
      id: 'S3',
      passed: false,
    },
    {
      name: "plan for the previous year, not the round's",
      over: {
        annualPlan: {
          year: 2024,
          includesTask: true,
          responsibleStaff: { name: '李娜', phone: '027-12345678' },
        },
      },
      id: 'S3',
      passed: false,
      mentions: [2024, 2025],
    },
  ];

  it.each(cases)('$id: $name → passed=$passed', ({ over, id, passed, mentions = [] }) => {
    const report = checkSociety(over);
    const r = find(report.results, id, 'soc-1');
    expect(r.passed).toBe(passed);
    expect(r.subject).toMatchObject({ kind: 'society', organisationId: 'soc-1' });
    expectMessage(r, ...mentions);
    expect(report.failing).toEqual(passed ? [] : [id]);
  });

  it("S3 compares with the round's year, not the clock: a 2025 plan passes when screened in January 2026", () => {
    const r = find(checkAlliance({ now: new Date('2026-01-10T02:00:00Z') }), 'S3', 'soc-1');
    expect(r.passed).toBe(true);
    expect(r.values).toMatchObject({ planYear: 2025, requiredYear: 2025, yearFrom: 'round' });
  });

  it("S4 counts the alliance's experts sent by this society", () => {
    const other = { name: '赵研究员', title: '研究员', field: '材料', organisationId: 'soc-2' };
    const none = find(checkAlliance({ alliance: alliance({ expertTeam: [other] }) }), 'S4', 'soc-1');
    expect(none.passed).toBe(false);
    expectMessage(none, 1);
    expect(find(checkAlliance({ alliance: alliance({ expertTeam: undefined }) }), 'S4', 'soc-1').passed).toBe(
      false,
    );
    const one = find(checkAlliance({}), 'S4', 'soc-1');
    expect(one.passed).toBe(true);
    expect(one.values).toMatchObject({ experts: 1, names: ['王教授'], source: 'alliance' });
  });

  it('alone, S4 reads the experts of the profile and S3 the current year', () => {
    const alone = evaluateOrganisation(society(), NOW);
    expect(alone.map((r) => r.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'R1']);
    expect(alone.every((r) => r.passed)).toBe(true);
    expect(find(evaluateOrganisation(society({ experts: [] }), NOW), 'S4').passed).toBe(false);
    const nextYear = find(evaluateOrganisation(society(), new Date('2026-02-01T00:00:00Z')), 'S3');
    expect(nextYear.passed).toBe(false);
    expect(nextYear.values).toMatchObject({ requiredYear: 2026, yearFrom: 'now' });
  });
});

describe('A1: members', () => {
  const e = enterprise();
  const s = society();
  const s2 = society({ id: 'soc-2', name: '武汉材料学会' });

  it('fails while a member is still invited, and names who is pending', () => {
    const r = find(
      checkAlliance({
        members: [
          { member: member(e), profile: e },
          { member: member(s), profile: s },
          { member: member(s2, 'invited'), profile: s2 },
        ],
      }),
      'A1',
    );
    expect(r.passed).toBe(false);
    expect(r.values).toMatchObject({
      pending: ['武汉材料学会'],
      confirmedEnterprises: 1,
      confirmedSocieties: 1,
    });
    expectMessage(r, '武汉材料学会');
  });

  it('passes with a declined member, who is not a member and gets no rules', () => {
    const report = evaluateEligibility(
      input({
        members: [
          { member: member(e), profile: e },
          { member: member(s), profile: s },
          { member: member(s2, 'declined'), profile: s2 },
        ],
      }),
    );
    const r = find(report.results, 'A1');
    expect(r.passed).toBe(true);
    expect(r.values).toMatchObject({ declined: ['武汉材料学会'], pending: [] });
    expect(r.message.en).toContain('declined');
    expect(report.results.some((x) => x.subject.organisationId === 'soc-2')).toBe(false);
    expect(report.eligible).toBe(true);
  });

  it('fails without a confirmed society (a declined one does not count)', () => {
    const report = evaluateEligibility(
      input({
        members: [
          { member: member(e), profile: e },
          { member: member(s, 'declined'), profile: s },
        ],
      }),
    );
    const r = find(report.results, 'A1');
    expect(r.passed).toBe(false);
    expect(r.values).toMatchObject({ confirmedEnterprises: 1, confirmedSocieties: 0 });
    expect(r.message.en).toContain('no confirmed society');
    expect(r.message.zh).toContain('没有已确认的学会');
    expect(report.failing).toEqual(['A1']); // no confirmed society: no S-rules at all
  });

  it('fails without a confirmed enterprise', () => {
    const r = find(checkAlliance({ members: [{ member: member(s), profile: s }] }), 'A1');
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain('no confirmed enterprise');
  });

  it('fails for a confirmed member whose profile is missing, and fails its member rules', () => {
    const report = evaluateEligibility(
      input({
        members: [
          { member: member(e), profile: undefined },
          { member: member(s), profile: s },
        ],
      }),
    );
    expect(find(report.results, 'A1').values).toMatchObject({ missingProfiles: ['光谷光电科技有限公司'] });
    expect(report.failing).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'A1', 'R1']);
    const e1 = find(report.results, 'E1', 'ent-1');
    expect(e1.subject).toEqual({ kind: 'enterprise', organisationId: 'ent-1', name: '光谷光电科技有限公司' });
    expect(e1.message.en).toContain('No organisation profile');
  });

  it('fails the enterprise rules of a member whose profile is of the other kind', () => {
    const wrong = society({ id: 'ent-1' });
    const report = evaluateEligibility(
      input({
        members: [
          { member: member(e), profile: wrong },
          { member: member(s), profile: s },
        ],
      }),
    );
    expect(report.failing).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'R1']);
    const r = find(report.results, 'E3', 'ent-1');
    expect(r.values).toEqual({ memberKind: 'enterprise', profileKind: 'society' });
    expectMessage(r);
    expect(r.message.en).toContain('profile is a society');
  });
});

describe('A2: content', () => {
  it('lists the missing fields by name', () => {
    const r = find(
      checkAlliance({ alliance: alliance({ goals: undefined, workPlan: [], rightsSharing: '   ' }) }),
      'A2',
    );
    expect(r.passed).toBe(false);
    expect(r.values).toEqual({ missing: ['goals', 'rightsSharing', 'workPlan'] });
    expect(r.message.en).toContain('goals');
    expect(r.message.en).toContain('workPlan');
    expect(r.message.zh).toContain('协作目标');
    expect(r.message.zh).toContain('工作进度安排');
  });

  it('a bare draft misses all eight', () => {
    const bare: AllianceRecord = {
      id: 'all-1',
      roundId: 'round-2025',
      name: '草稿',
      status: 'draft',
      version: 1,
      createdBy: 'ent-1',
      createdAt: T0,
      updatedAt: T0,
    };
    const report = evaluateEligibility(input({ alliance: bare }));
    expect(find(report.results, 'A2').values).toEqual({
      missing: [
        'goals',
        'tasks',
        'guaranteeMeasures',
        'period',
        'rightsSharing',
        'workPlan',
        'indicators',
        'budgetLines',
      ],
    });
    expect(report.failing).toEqual(['S4', 'A2', 'A3']);
  });
});

describe('A3: money', () => {
  const withLines = (lines: Partial<BudgetLine>[], r: Partial<Round> = {}) =>
    find(
      checkAlliance({
        alliance: alliance({ budgetLines: lines.map((l, i) => line({ id: `line-${i}`, ...l })) }),
        round: round(r),
      }),
      'A3',
    );

  const cases: {
    name: string;
    lines: Partial<BudgetLine>[];
    round?: Partial<Round>;
    passed: boolean;
    mentions?: (string | number)[];
  }[] = [
    { name: 'enterprises exactly 50%', lines: [{}], passed: true, mentions: ['50%', 500000, 1000000] },
    {
      name: 'enterprises 49.99%',
      lines: [{ amount: 10_000, enterpriseFunds: 4_999, programmeFunds: 5_000 }],
      passed: false,
      mentions: ['49.99%', 4999, 10000, '50%'],
    },
    {
      name: 'enterprises exactly 60% with a 60% round',
      lines: [{ amount: 10_000, enterpriseFunds: 6_000, programmeFunds: 4_000 }],
      round: { enterpriseContributionMinPercent: 60 },
      passed: true,
      mentions: ['60%'],
    },
    {
      name: 'enterprises 59.99% with a 60% round',
      lines: [{ amount: 10_000, enterpriseFunds: 5_999, programmeFunds: 4_000 }],
      round: { enterpriseContributionMinPercent: 60 },
      passed: false,
      mentions: ['59.99%', '60%'],
    },
    {
      name: 'enterprises 50% with a 60% round',
      lines: [{}],
      round: { enterpriseContributionMinPercent: 60 },
      passed: false,
    },
    {
      name: 'enterprises exactly 57.01% with a 57.01% round',
      lines: [{ amount: 10_000, enterpriseFunds: 5_701, programmeFunds: 0 }],
      round: { enterpriseContributionMinPercent: 57.01 },
      passed: true,
      mentions: ['57.01%'],
    },
    {
      name: 'shares summed over lines (300+200 of 1000)',
      lines: [
        { amount: 600, enterpriseFunds: 300, programmeFunds: 300 },
        { amount: 400, enterpriseFunds: 200, programmeFunds: 0 },
      ],
      passed: true,
    },
    {
      name: 'requested equals the cap',
      lines: [{ programmeFunds: 300_000 }],
      passed: true,
      mentions: [300000],
    },
    {
      name: 'requested one yuan over the cap',
      lines: [{ programmeFunds: 300_001, enterpriseFunds: 500_000 }],
      passed: false,
      mentions: [300001, 300000],
    },
    {
      name: 'total 0',
      lines: [{ amount: 0, enterpriseFunds: 0, programmeFunds: 0 }],
      passed: false,
      mentions: ['0'],
    },
    { name: 'no budget lines', lines: [], passed: false },
  ];

  it.each(cases)('$name → passed=$passed', ({ lines, round: r, passed, mentions = [] }) => {
    const result = withLines(lines, r);
    expect(result.passed).toBe(passed);
    expect(result.subject).toEqual({ kind: 'alliance' });
    expectMessage(result, ...mentions);
  });

  it('is exact with 50 lines of 10^11 yuan, where doubles would lose the last yuan', () => {
    const big = 100_000_000_000;
    const lines = Array.from({ length: 50 }, () => ({
      amount: big,
      enterpriseFunds: big / 2,
      programmeFunds: 0,
    }));
    expect(withLines(lines, { perAllianceCap: 0 }).passed).toBe(true);
    lines[0] = { amount: big, enterpriseFunds: big / 2 - 1, programmeFunds: 0 };
    const result = withLines(lines, { perAllianceCap: 0 });
    expect(result.passed).toBe(false);
    expect(result.values).toMatchObject({ total: 50 * big, enterpriseFunds: 25 * big - 1 });
  });

  it('reports the sums it compared', () => {
    expect(withLines([{}]).values).toEqual({
      lines: 1,
      total: 1_000_000,
      enterpriseFunds: 500_000,
      share: 0.5,
      minPercent: 50,
      requested: 300_000,
      cap: 300_000,
    });
  });
});

describe('A4: agreement', () => {
  const a4 = (documents: DocumentRecord[]) => find(checkAlliance({ documents }), 'A4');

  it('passes with a verified agreement', () => {
    const r = a4([agreement()]);
    expect(r.passed).toBe(true);
    expect(r.values).toMatchObject({ agreements: 1, verified: 1, latestStatus: 'verified' });
    expectMessage(r, 'doc-1');
  });

  it('fails with a rejected agreement, giving the reason', () => {
    const rejection = { en: 'the file is not a PDF', zh: '文件不是 PDF' };
    const r = a4([agreement({ status: 'rejected', verifiedAt: undefined, rejection })]);
    expect(r.passed).toBe(false);
    expect(r.values).toMatchObject({ latestStatus: 'rejected', latestRejection: rejection });
    expect(r.message.en).toContain('rejected: the file is not a PDF');
    expect(r.message.zh).toContain('文件不是 PDF');
  });

  it('fails with none, or only a pending one, or only one of another alliance or kind', () => {
    expect(a4([]).passed).toBe(false);
    expect(a4([]).message.en).toContain('No task agreement');
    const pending = a4([agreement({ status: 'pending', verifiedAt: undefined })]);
    expect(pending.passed).toBe(false);
    expect(pending.message.en).toContain('pending');
    expect(a4([agreement({ allianceId: 'all-2' })]).passed).toBe(false);
    expect(a4([agreement({ kind: 'report' })]).passed).toBe(false);
  });

  it('reports the latest agreement even when an earlier one is verified', () => {
    const later = agreement({
      id: 'doc-2',
      status: 'rejected',
      requestedAt: '2025-04-02T00:00:00.000Z',
      rejection: { en: 'empty', zh: '空' },
    });
    const r = a4([later, agreement()]);
    expect(r.passed).toBe(true);
    expect(r.values).toMatchObject({
      agreements: 2,
      verified: 1,
      latestStatus: 'rejected',
      latestDocumentId: 'doc-2',
    });
  });
});

describe('A5: application window, both ends inclusive', () => {
  const opens = Date.parse(OPENS);
  const closes = Date.parse(CLOSES);
  it.each([
    { name: 'at opensAt', at: opens, passed: true },
    { name: 'at closesAt', at: closes, passed: true },
    { name: '1 ms before opensAt', at: opens - 1, passed: false },
    { name: '1 ms after closesAt', at: closes + 1, passed: false },
  ])('now $name → passed=$passed', ({ at, passed }) => {
    const r = find(checkAlliance({ now: new Date(at) }), 'A5');
    expect(r.passed).toBe(passed);
    expect(r.values).toMatchObject({
      at: new Date(at).toISOString(),
      basis: 'now',
      opensAt: OPENS,
      closesAt: CLOSES,
    });
    expectMessage(r, OPENS, CLOSES, new Date(at).toISOString());
  });

  it('a submitted alliance is judged by its submission time, so screening after the close passes', () => {
    const submitted = alliance({ status: 'submitted', submittedAt: '2025-06-30T15:59:59.999Z' });
    const later = new Date('2025-07-15T00:00:00Z');
    const r = find(checkAlliance({ alliance: submitted, now: later }), 'A5');
    expect(r.passed).toBe(true);
    expect(r.values).toMatchObject({ basis: 'submittedAt', at: '2025-06-30T15:59:59.999Z' });
    const late = alliance({ status: 'submitted', submittedAt: '2025-06-30T16:00:00.000Z' });
    expect(find(checkAlliance({ alliance: late, now: later }), 'A5').passed).toBe(false);
    // A draft is judged by now.
    expect(find(checkAlliance({ now: later }), 'A5').passed).toBe(false);
  });
});

describe('the report', () => {
  const e2 = enterprise({ id: 'ent-2', name: '武汉新材料有限公司', rdStaff: 1, employees: 100 });
  const s2 = society({ id: 'soc-2', name: '武汉材料学会', serviceRecords: [] });
  const e = enterprise();
  const s = society();
  const mixed = () =>
    input({
      // Members interleaved; the report still lists enterprises first, in member order.
      members: [
        { member: member(s), profile: s },
        { member: member(e2), profile: e2 },
        { member: member(s2), profile: s2 },
        { member: member(e), profile: e },
      ],
      alliance: alliance({ expertTeam: [] }),
      round: round({ perAllianceCap: 1 }),
      now: new Date(Date.parse(CLOSES) + 1),
    });

  it('orders results: enterprises (member order), societies, then the alliance; each with its catalogue clause', () => {
    const report = evaluateEligibility(mixed());
    const keys = report.results.map((r) => `${r.id}:${r.subject.organisationId ?? 'alliance'}`);
    const block = (ids: RuleId[], org: string) => ids.map((id) => `${id}:${org}`);
    expect(keys).toEqual([
      ...block(ruleIdsFor('enterprise'), 'ent-2'),
      ...block(ruleIdsFor('enterprise'), 'ent-1'),
      ...block(ruleIdsFor('society'), 'soc-1'),
      ...block(ruleIdsFor('society'), 'soc-2'),
      ...block(ruleIdsFor('alliance'), 'alliance'),
    ]);
    for (const r of report.results) expect(r.clause).toBe(rules[r.id as RuleId].clause);
  });

  it('lists each failing rule once, in catalogue order', () => {
    const report = evaluateEligibility(mixed());
    expect(report.failing).toEqual(['E3', 'S2', 'S4', 'A3', 'A5']);
    expect(report.eligible).toBe(false);
    expect(report.results.filter((r) => r.id === 'S4' && !r.passed)).toHaveLength(2);
  });

  it('every message exists in both languages', () => {
    for (const r of [...evaluateEligibility(mixed()).results, ...evaluateEligibility(input()).results]) {
      expect(r.message.en.trim().length, r.id).toBeGreaterThan(10);
      expect(r.message.zh, r.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('priorities (§3.3) never affect eligibility', () => {
    const base = input();
    const without = evaluateEligibility({
      ...base,
      alliance: alliance({ sectors: [], serviceTypes: [7] }),
      round: round({ prioritySectors: [], bonuses: { multipleEnterprisesAndSocieties: 0, crossSector: 0 } }),
    });
    expect(without).toEqual(evaluateEligibility(base));
    const ineligible = input({ round: round({ perAllianceCap: 1 }) });
    const boosted = {
      ...ineligible,
      alliance: alliance({ sectors: ['optoelectronics', 'new-materials'] }),
      round: round({
        perAllianceCap: 1,
        prioritySectors: [
          { id: 'optoelectronics', name: '光电子', bonus: 20 },
          { id: 'new-materials', name: '新材料', bonus: 20 },
        ],
        bonuses: { multipleEnterprisesAndSocieties: 20, crossSector: 20 },
      }),
    };
    expect(evaluateEligibility(boosted).eligible).toBe(false);
  });
});

describe('the catalogue', () => {
  it('has every rule once, in order, with a clause and titles in both languages', () => {
    expect(Object.keys(rules)).toEqual([
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E6',
      'S1',
      'S2',
      'S3',
      'S4',
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'R1',
    ]);
    expect(ruleIds).toEqual(Object.keys(rules));
    for (const id of ruleIds) {
      expect(rules[id].clause).toMatch(/^§\d/);
      expect(rules[id].title.en.length).toBeGreaterThan(0);
      expect(rules[id].title.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(rules.E3.clause).toBe('§3.1.2');
    expect(ruleIdsFor('enterprise')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'R1']);
    expect(ruleIdsFor('society')).toEqual(['S1', 'S2', 'S3', 'S4', 'R1']);
    expect(ruleIdsFor('alliance')).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
  });
});

describe('R1: no overdue report (§4.4)', () => {
  const overdue = (
    organisationId: string,
    allianceId = 'a-old',
    kind = 'annual-report',
    due = '2025-01-01',
  ) => ({
    organisationId,
    allianceId,
    kind,
    due,
  });

  it('is in the catalogue with its clause, checked for every confirmed member of either kind', () => {
    expect(rules.R1).toMatchObject({ clause: '§4.4', scope: 'organisation' });
    const report = evaluateEligibility(input());
    expect(report.results.filter((r) => r.id === 'R1').map((r) => r.subject.organisationId)).toEqual([
      'ent-1',
      'soc-1',
    ]);
  });

  it('passes when no overdue reports are given (none loaded, or none exist)', () => {
    expect(find(evaluateEligibility(input()).results, 'R1', 'ent-1').passed).toBe(true);
    const report = evaluateEligibility(input({ overdueReports: [] }));
    expect(report.eligible).toBe(true);
    expect(find(report.results, 'R1', 'soc-1').values).toEqual({ overdueReports: [] });
  });

  it('fails only the member whose report is overdue, naming the report, and makes the alliance ineligible', () => {
    const report = evaluateEligibility(
      input({ overdueReports: [overdue('soc-1', 'a-7', 'completion-report', '2025-02-28')] }),
    );
    expect(report.eligible).toBe(false);
    expect(report.failing).toEqual(['R1']);
    expect(find(report.results, 'R1', 'ent-1').passed).toBe(true);
    const r = find(report.results, 'R1', 'soc-1');
    expect(r.passed).toBe(false);
    expect(r.subject.kind).toBe('society');
    expect(r.values).toEqual({
      overdueReports: [{ allianceId: 'a-7', kind: 'completion-report', due: '2025-02-28' }],
    });
    expect(r.message.en).toContain('a-7');
    expect(r.message.en).toContain('2025-02-28');
    expect(r.message.zh).toContain('结题报告');
  });

  it('counts several overdue reports of one organisation', () => {
    const report = evaluateEligibility(
      input({
        overdueReports: [overdue('ent-1', 'a-1'), overdue('ent-1', 'a-2', 'annual-report', '2024-12-01')],
      }),
    );
    const r = find(report.results, 'R1', 'ent-1');
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain('2 overdue reports');
  });

  it('ignores overdue reports of organisations that are not confirmed members', () => {
    const report = evaluateEligibility(input({ overdueReports: [overdue('someone-else')] }));
    expect(report.eligible).toBe(true);
  });

  it('alone (an organisation checked without an alliance) it is not checked and passes', () => {
    const alone = find(evaluateOrganisation(enterprise(), NOW), 'R1');
    expect(alone.passed).toBe(true);
    expect(alone.values).toEqual({ checked: false });
  });
});
