/**
 * Eligibility (申报条件, plan §3; alliance rules from §1.3, §2 and §4): every rule is checked and
 * reported by id, with the clause it comes from, the values it looked at and a message in English
 * and Chinese that says what passed or failed.
 *
 * Pure: no I/O and no clock — the caller passes `now`. Ratios are decided with integer (BigInt)
 * cross-multiplication, never floating point: "10%以上" and "不低于 5%" both include the bound, so
 * exactly 10% and exactly 5% pass. The `ratio` numbers in `values` are for display only.
 *
 * The catalogue is `definitions` below, in report order. Adding a rule is one entry there: give it
 * an id, a clause, a title, a scope (which subjects it is checked for) and a `check`. A rule that
 * needs data the input does not carry yet adds an optional field to `EligibilityInput` and reads it
 * through `ctx.input` (member rules) or `input` (alliance rules).
 *
 * Priorities (§3.3: key sectors, several enterprises and societies, cross-sector) weigh in ranking
 * only; nothing here reads them, so they never make an ineligible alliance eligible.
 */
import type { AllianceRecord, Member } from '../api/alliances.ts';
import type { DocumentRecord } from '../api/documents.ts';
import type { EligibilityReport, RuleResult } from '../api/eligibility.ts';
import type { Organisation } from '../api/organisations.ts';
import type { Round } from '../api/rounds.ts';
import { describeUsccProblem, usccProblem } from './uscc.ts';

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

export type Enterprise = Extract<Organisation, { kind: 'enterprise' }>;
export type Society = Extract<Organisation, { kind: 'society' }>;
type Text = { en: string; zh: string };
type Outcome = { passed: boolean; values: Record<string, unknown>; message: Text };

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
type Def<Id extends string = string> =
  | (Head<Id, 'enterprise'> & { check: (e: Enterprise, ctx: MemberContext) => Outcome })
  | (Head<Id, 'society'> & { check: (s: Society, ctx: MemberContext) => Outcome })
  | (Head<Id, 'organisation'> & { check: (o: Organisation, ctx: MemberContext) => Outcome })
  | (Head<Id, 'alliance'> & { check: (input: EligibilityInput) => Outcome });

const rule = <const Id extends string>(def: Def<Id>) => def;

// ---------------------------------------------------------------------------------------------
// Helpers

/** The programme runs in Wuhan: calendar years are China Standard Time (UTC+8, no daylight saving). */
export function programmeYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** How many years before the current one a financial year may be for E4 (2 → 2023 is fine in 2025). */
export const FINANCES_MAX_AGE_YEARS = 2;

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** A basis-point count as a percentage, e.g. 999 → "9.99%", 5000 → "50%". */
function bpText(bp: bigint): string {
  const whole = bp / 100n;
  const frac = bp % 100n;
  if (frac === 0n) return `${whole}%`;
  return `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}%`;
}

/** num/den as a percentage rounded down to 0.01%, so a share below a bound never reads as the bound. */
function shareText(num: bigint, den: bigint): string {
  return bpText((num * 10_000n) / den);
}

const yuan = (n: number | bigint) => ({ en: `${n} yuan`, zh: `${n} 元` });

/** Joins reasons into one sentence per language. */
function joined(parts: Text[]): Text {
  return { en: parts.map((p) => p.en).join('; '), zh: parts.map((p) => p.zh).join('；') };
}

/** "1 enterprise", "2 enterprises". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const outcome = (passed: boolean, values: Record<string, unknown>, message: Text): Outcome => ({
  passed,
  values,
  message,
});

const names = (list: { member: Member; profile: Organisation | undefined }[]) =>
  list.map(({ member, profile }) => profile?.name ?? member.name);

/** A2: the content an application must state, with names for people. */
const requiredContent = [
  { field: 'goals', en: 'collaboration goals', zh: '协作目标' },
  { field: 'tasks', en: 'at least one task', zh: '协作任务' },
  { field: 'guaranteeMeasures', en: 'guarantee measures', zh: '保障措施' },
  { field: 'period', en: 'cooperation period', zh: '合作期限' },
  { field: 'rightsSharing', en: 'how results and rights are shared', zh: '成果权益分配' },
  { field: 'workPlan', en: 'work plan with schedule', zh: '工作进度安排' },
  { field: 'indicators', en: 'assessment indicators', zh: '定期考核指标' },
  { field: 'budgetLines', en: 'budget lines', zh: '资金使用计划' },
] as const satisfies readonly { field: keyof AllianceRecord; en: string; zh: string }[];

// ---------------------------------------------------------------------------------------------
// The catalogue, in report order.

const definitions = [
  rule({
    id: 'E1',
    scope: 'enterprise',
    clause: '§3.1.1',
    title: {
      en: 'Independent legal person, technology-based SME, valid Unified Social Credit Code',
      zh: '具有独立法人资格的科技型中小企业，统一社会信用代码有效',
    },
    check(e) {
      const problem = usccProblem(e.uscc);
      const failures: Text[] = [];
      if (!e.legalPerson) failures.push({ en: 'not an independent legal person', zh: '不具有独立法人资格' });
      if (!e.techSme) failures.push({ en: 'not a technology-based SME', zh: '不是科技型中小企业' });
      if (problem) {
        const why = describeUsccProblem(problem);
        failures.push({
          en: `the Unified Social Credit Code ${e.uscc} is not valid: ${why.en}`,
          zh: `统一社会信用代码 ${e.uscc} 无效：${why.zh}`,
        });
      }
      const values = { legalPerson: e.legalPerson, techSme: e.techSme, uscc: e.uscc, usccValid: !problem };
      if (failures.length === 0) {
        return outcome(true, values, {
          en: `An independent legal person and technology-based SME with a valid Unified Social Credit Code (${e.uscc})`,
          zh: `具有独立法人资格的科技型中小企业，统一社会信用代码（${e.uscc}）有效`,
        });
      }
      const why = joined(failures);
      return outcome(false, values, { en: `Not eligible: ${why.en}`, zh: `不符合条件：${why.zh}` });
    },
  }),
  rule({
    id: 'E2',
    scope: 'enterprise',
    clause: '§3.1.1',
    title: {
      en: 'Main business: R&D, production or services of technology-intensive products',
      zh: '主要从事技术密集型产品的研究、开发、生产或服务业务',
    },
    check(e) {
      const techIntensive = e.mainBusiness.techIntensive === true;
      return outcome(
        techIntensive,
        { techIntensive },
        techIntensive
          ? {
              en: 'The main business is R&D, production or services of technology-intensive products',
              zh: '主要从事技术密集型产品的研究、开发、生产或服务业务',
            }
          : {
              en: 'The main business is not R&D, production or services of technology-intensive products',
              zh: '主营业务不是技术密集型产品的研究、开发、生产或服务',
            },
      );
    },
  }),
  rule({
    id: 'E3',
    scope: 'enterprise',
    clause: '§3.1.2',
    title: {
      en: 'R&D staff are at least 10% of employees',
      zh: '直接从事研究开发的科技人员占职工总数的 10% 以上',
    },
    check(e) {
      const { rdStaff, employees } = e;
      const values = {
        rdStaff,
        employees,
        ratio: employees > 0 ? rdStaff / employees : null,
        threshold: 0.1,
      };
      if (!isWhole(rdStaff) || !isWhole(employees) || employees === 0) {
        return outcome(false, values, {
          en: `Employees (${employees}) and R&D staff (${rdStaff}) must be whole numbers, with at least one employee`,
          zh: `职工总数（${employees}）和研发人员数（${rdStaff}）须为整数，且职工总数至少为 1`,
        });
      }
      if (rdStaff > employees) {
        return outcome(false, values, {
          en: `R&D staff (${rdStaff}) cannot outnumber employees (${employees}); correct the profile`,
          zh: `研发人员数（${rdStaff}）不能超过职工总数（${employees}），请更正单位信息`,
        });
      }
      // "10%以上" includes 10%: rdStaff / employees >= 1/10.
      const passed = rdStaff * 10 >= employees;
      const share = shareText(BigInt(rdStaff), BigInt(employees));
      return outcome(
        passed,
        values,
        passed
          ? {
              en: `R&D staff are ${share} of employees (${rdStaff} of ${employees}); at least 10% is required`,
              zh: `研发人员占职工总数的 ${share}（${employees} 人中 ${rdStaff} 人），要求 10% 以上（含 10%）`,
            }
          : {
              en: `R&D staff are ${share} of employees (${rdStaff} of ${employees}); at least 10% is required`,
              zh: `研发人员仅占职工总数的 ${share}（${employees} 人中 ${rdStaff} 人），要求 10% 以上（含 10%）`,
            },
      );
    },
  }),
  rule({
    id: 'E4',
    scope: 'enterprise',
    clause: '§3.1.2',
    title: {
      en: "R&D expenditure is at least 5% of that year's operating revenue",
      zh: '每年研究开发经费不低于当年营业收入的 5%',
    },
    check(e, ctx) {
      const { year, operatingRevenue, rdExpenditure } = e.finances;
      const current = programmeYear(ctx.now);
      const earliest = current - FINANCES_MAX_AGE_YEARS;
      // The plan compares R&D spending with "that year's" revenue; the programme office expects
      // figures for a recent year: not in the future, at most FINANCES_MAX_AGE_YEARS before now's.
      const yearOk = year >= earliest && year <= current;
      const values = {
        year,
        rdExpenditure,
        operatingRevenue,
        ratio: operatingRevenue > 0 ? rdExpenditure / operatingRevenue : null,
        threshold: 0.05,
        acceptedYears: { from: earliest, to: current },
        yearAccepted: yearOk,
      };
      const parts: Text[] = [];
      let shareOk = false;
      if (!isWhole(rdExpenditure) || !isWhole(operatingRevenue)) {
        parts.push({
          en: `R&D expenditure (${rdExpenditure}) and operating revenue (${operatingRevenue}) must be whole yuan`,
          zh: `研发经费（${rdExpenditure}）和营业收入（${operatingRevenue}）须为以元为单位的整数`,
        });
      } else if (operatingRevenue === 0) {
        parts.push({
          en: `operating revenue for ${year} is 0 yuan, so R&D expenditure (${rdExpenditure} yuan) cannot be at least 5% of it`,
          zh: `${year} 年营业收入为 0 元，无法计算研发经费（${rdExpenditure} 元）占比，要求不低于营业收入的 5%`,
        });
      } else {
        // "不低于 5%" includes 5%: rd / revenue >= 1/20.
        shareOk = BigInt(rdExpenditure) * 20n >= BigInt(operatingRevenue);
        const share = shareText(BigInt(rdExpenditure), BigInt(operatingRevenue));
        parts.push({
          en: `R&D expenditure is ${share} of operating revenue (${rdExpenditure} of ${operatingRevenue} yuan in ${year}); at least 5% is required`,
          zh: `研发经费${shareOk ? '' : '仅'}占营业收入的 ${share}（${year} 年营业收入 ${operatingRevenue} 元中研发经费 ${rdExpenditure} 元），要求不低于 5%`,
        });
      }
      if (year > current) {
        parts.push({
          en: `the financial year ${year} is in the future (it is now ${current}); give figures for ${earliest}–${current}`,
          zh: `财务年度 ${year} 年晚于当前年度（${current} 年），请填报 ${earliest}–${current} 年的数据`,
        });
      } else if (year < earliest) {
        parts.push({
          en: `the figures are for ${year}, more than ${FINANCES_MAX_AGE_YEARS} years before ${current}; give figures for ${earliest}–${current}`,
          zh: `财务数据为 ${year} 年，早于 ${current} 年 ${FINANCES_MAX_AGE_YEARS} 年以上，请填报 ${earliest}–${current} 年的数据`,
        });
      }
      const why = joined(parts);
      if (shareOk && yearOk) return outcome(true, values, { en: capitalise(why.en), zh: why.zh });
      return outcome(false, values, { en: `Not eligible: ${why.en}`, zh: `不符合条件：${why.zh}` });
    },
  }),
  rule({
    id: 'E5',
    scope: 'enterprise',
    clause: '§3.1.3',
    title: {
      en: 'Provides workplace and equipment for the alliance',
      zh: '能为创新联盟提供必要的工作场所和设备等基础条件',
    },
    check(e) {
      const provided = e.workplace.provided === true;
      return outcome(
        provided,
        { workplaceProvided: provided },
        provided
          ? {
              en: 'Provides workplace and equipment for the alliance',
              zh: '能为创新联盟提供工作场所和设备等基础条件',
            }
          : {
              en: 'Does not provide workplace and equipment for the alliance',
              zh: '未能为创新联盟提供工作场所和设备等基础条件',
            },
      );
    },
  }),
  rule({
    id: 'E6',
    scope: 'enterprise',
    clause: '§3.1.4',
    title: {
      en: 'Has an enterprise S&T association, established or in preparation',
      zh: '已建立或正在筹建企业科协组织',
    },
    check(e) {
      const status = e.stAssociation;
      const passed = status === 'established' || status === 'in-preparation';
      const message: Text =
        status === 'established'
          ? { en: 'Has established an enterprise S&T association', zh: '已建立企业科协组织' }
          : status === 'in-preparation'
            ? { en: 'Is preparing an enterprise S&T association', zh: '正在筹建企业科协组织' }
            : {
                en: `Has no enterprise S&T association (status: ${status}); one established or in preparation is required`,
                zh: `尚未建立或筹建企业科协组织（状态：${status}），要求已建立或正在筹建`,
              };
      return outcome(passed, { stAssociation: status }, message);
    },
  }),
  rule({
    id: 'S1',
    scope: 'society',
    clause: '§3.2.1',
    title: {
      en: 'A society of the city Association, or the S&T association of a university in the city',
      zh: '市科协所属学会或在汉高校科协',
    },
    check(s) {
      const type = s.societyType;
      const message: Text =
        type === 'city-affiliated'
          ? { en: 'A society affiliated to the city Association', zh: '市科协所属学会' }
          : type === 'university-in-city'
            ? {
                en: `The S&T association of a university in the city${s.university ? ` (${s.university})` : ''}`,
                zh: `在汉高校科协${s.university ? `（${s.university}）` : ''}`,
              }
            : {
                en: `Neither a society of the city Association nor the S&T association of a university in the city (type: ${type})`,
                zh: `既不是市科协所属学会，也不是在汉高校科协（类型：${type}）`,
              };
      return outcome(
        type === 'city-affiliated' || type === 'university-in-city',
        { societyType: type },
        message,
      );
    },
  }),
  rule({
    id: 'S2',
    scope: 'society',
    clause: '§3.2.2',
    title: {
      en: 'Has experience serving enterprise innovation',
      zh: '有开展服务企业技术创新活动的经历',
    },
    check(s) {
      const records = s.serviceRecords?.length ?? 0;
      return outcome(
        records >= 1,
        { serviceRecords: records, required: 1 },
        records >= 1
          ? {
              en: `Has ${count(records, 'record', 'records')} of serving enterprise innovation; at least 1 is required`,
              zh: `有 ${records} 项服务企业技术创新活动的记录，要求至少 1 项`,
            }
          : {
              en: 'Has no record of serving enterprise innovation (academic exchange, training, …); at least 1 is required',
              zh: '没有服务企业技术创新活动（学术交流、人才培训等）的记录，要求至少 1 项',
            },
      );
    },
  }),
  rule({
    id: 'S3',
    scope: 'society',
    clause: '§3.2.3',
    title: {
      en: "The task is in the society's annual work plan, with a staff member responsible",
      zh: '该任务已列入学会本年度工作计划，并有专门工作人员负责',
    },
    check(s, ctx) {
      // "本年度": the year of the round applied to — the same answer whenever screening runs (e.g. in
      // January after a December close). Alone (no round), the current programme year.
      const year = ctx.round?.year ?? programmeYear(ctx.now);
      const plan = s.annualPlan;
      const staff = plan?.responsibleStaff?.name?.trim() || undefined;
      const values = {
        includesTask: plan?.includesTask === true,
        responsibleStaff: staff ?? null,
        planYear: plan?.year ?? null,
        requiredYear: year,
        yearFrom: ctx.round ? 'round' : 'now',
      };
      const failures: Text[] = [];
      if (!values.includesTask) {
        failures.push({ en: 'the task is not in the annual work plan', zh: '该任务未列入年度工作计划' });
      }
      if (!staff)
        failures.push({ en: 'no staff member is named as responsible', zh: '未指定专门负责的工作人员' });
      if (plan?.year !== year) {
        failures.push({
          en: `the work plan is for ${plan?.year}, not ${year}`,
          zh: `工作计划为 ${plan?.year} 年度，而非 ${year} 年度`,
        });
      }
      if (failures.length === 0) {
        return outcome(true, values, {
          en: `The task is in the ${year} work plan; ${staff} is responsible`,
          zh: `该任务已列入 ${year} 年度工作计划，由 ${staff} 负责组织实施`,
        });
      }
      const why = joined(failures);
      return outcome(false, values, { en: `Not eligible: ${why.en}`, zh: `不符合条件：${why.zh}` });
    },
  }),
  rule({
    id: 'S4',
    scope: 'society',
    clause: '§3.2.4',
    title: {
      en: 'Sends the expert team the task needs (at least one expert)',
      zh: '派出完成协作任务所需的专家团队（至少 1 名专家）',
    },
    check(s, ctx) {
      // In an alliance: the experts of the alliance's team sent by this society. Alone: the experts
      // the society's profile names.
      const experts = ctx.alliance
        ? (ctx.alliance.expertTeam ?? []).filter((x) => x.organisationId === ctx.organisationId)
        : (s.experts ?? []);
      const where = ctx.alliance
        ? { en: "in the alliance's expert team", zh: '列入联盟专家团队' }
        : { en: 'named in its profile', zh: '登记在单位信息中' };
      const values = {
        experts: experts.length,
        names: experts.map((x) => x.name),
        source: ctx.alliance ? 'alliance' : 'profile',
      };
      return outcome(
        experts.length >= 1,
        values,
        experts.length >= 1
          ? {
              en: `Sends ${count(experts.length, 'expert', 'experts')} ${where.en} (${values.names.join(', ')}); at least 1 is required`,
              zh: `派出 ${experts.length} 名专家${where.zh}（${values.names.join('、')}），要求至少 1 名`,
            }
          : {
              en: `Sends no expert ${where.en}; at least 1 is required`,
              zh: `没有专家${where.zh}，要求至少派出 1 名`,
            },
      );
    },
  }),
  rule({
    id: 'A1',
    scope: 'alliance',
    clause: '§2.1, §2.2.1',
    title: {
      en: 'At least one enterprise and one society, every member confirmed',
      zh: '至少一家企业和一个学会，所有成员均已确认',
    },
    check({ members }) {
      const confirmed = members.filter((m) => m.member.state === 'confirmed');
      const enterprises = confirmed.filter((m) => m.member.kind === 'enterprise');
      const societies = confirmed.filter((m) => m.member.kind === 'society');
      const pending = members.filter((m) => m.member.state === 'invited');
      const declined = members.filter((m) => m.member.state === 'declined');
      const missing = confirmed.filter((m) => !m.profile);
      const values = {
        confirmedEnterprises: enterprises.length,
        confirmedSocieties: societies.length,
        pending: names(pending),
        declined: names(declined),
        missingProfiles: names(missing),
      };
      const failures: Text[] = [];
      if (enterprises.length === 0) failures.push({ en: 'no confirmed enterprise', zh: '没有已确认的企业' });
      if (societies.length === 0) failures.push({ en: 'no confirmed society', zh: '没有已确认的学会' });
      if (pending.length > 0) {
        failures.push({
          en: `waiting for ${values.pending.join(', ')} to confirm`,
          zh: `尚待 ${values.pending.join('、')} 确认`,
        });
      }
      if (missing.length > 0) {
        failures.push({
          en: `no organisation profile on file for ${values.missingProfiles.join(', ')}`,
          zh: `${values.missingProfiles.join('、')} 尚无单位信息`,
        });
      }
      const counts = {
        en: `${count(enterprises.length, 'confirmed enterprise', 'confirmed enterprises')} and ${count(societies.length, 'confirmed society', 'confirmed societies')}`,
        zh: `已确认企业 ${enterprises.length} 家、学会 ${societies.length} 个`,
      };
      const declinedNote =
        declined.length > 0
          ? {
              en: ` (${values.declined.join(', ')} declined and ${declined.length === 1 ? 'is' : 'are'} not members)`,
              zh: `（${values.declined.join('、')} 已拒绝，不计为成员）`,
            }
          : { en: '', zh: '' };
      if (failures.length === 0) {
        return outcome(true, values, {
          en: `${counts.en}; every member has confirmed${declinedNote.en}`,
          zh: `${counts.zh}，所有成员均已确认${declinedNote.zh}`,
        });
      }
      const why = joined(failures);
      return outcome(false, values, {
        en: `Not eligible: ${why.en} (${counts.en}; at least one of each is required, all confirmed)${declinedNote.en}`,
        zh: `不符合条件：${why.zh}（${counts.zh}；要求至少一家企业和一个学会，且全部确认）${declinedNote.zh}`,
      });
    },
  }),
  rule({
    id: 'A2',
    scope: 'alliance',
    clause: '§2.1, §1.3, §4.3',
    title: {
      en: 'Goals, tasks, guarantee measures, period, rights-sharing, work plan, indicators and fund plan stated',
      zh: '写明协作目标任务、保障措施、合作期限、权益分配、工作进度、考核指标和资金使用计划',
    },
    check({ alliance }) {
      const present = (v: unknown) =>
        typeof v === 'string' ? v.trim().length > 0 : Array.isArray(v) ? v.length > 0 : v != null;
      const missing = requiredContent.filter((f) => !present(alliance[f.field]));
      const values = { missing: missing.map((f) => f.field) };
      if (missing.length === 0) {
        return outcome(true, values, {
          en: 'Goals, tasks, guarantee measures, period, rights-sharing, work plan, indicators and budget lines are all stated',
          zh: '协作目标、任务、保障措施、合作期限、权益分配、工作进度、考核指标和资金使用计划均已写明',
        });
      }
      return outcome(false, values, {
        en: `Missing: ${missing.map((f) => `${f.field} (${f.en})`).join(', ')}`,
        zh: `缺少：${missing.map((f) => f.zh).join('、')}`,
      });
    },
  }),
  rule({
    id: 'A3',
    scope: 'alliance',
    clause: '§1.3.1, §2.2.4',
    title: {
      en: "Enterprises contribute at least the round's minimum share of the budget; the request is within the cap",
      zh: '企业自筹资金不低于本轮规定的总预算比例；申请资助不超过单个联盟上限',
    },
    check({ alliance, round }) {
      const lines = alliance.budgetLines ?? [];
      const bp = BigInt(Math.round(round.enterpriseContributionMinPercent * 100));
      const cap = round.perAllianceCap;
      const minText = bpText(bp);
      const amounts = lines.flatMap((l) => [l.amount, l.enterpriseFunds, l.programmeFunds]);
      if (!amounts.every(isWhole) || !isWhole(cap)) {
        return outcome(
          false,
          { lines: lines.length },
          {
            en: 'Budget amounts and the cap must be whole yuan',
            zh: '预算金额和资助上限须为以元为单位的整数',
          },
        );
      }
      let total = 0n;
      let enterprise = 0n;
      let requested = 0n;
      for (const l of lines) {
        total += BigInt(l.amount);
        enterprise += BigInt(l.enterpriseFunds);
        requested += BigInt(l.programmeFunds);
      }
      const values = {
        lines: lines.length,
        total: Number(total),
        enterpriseFunds: Number(enterprise),
        share: total > 0n ? Number(enterprise) / Number(total) : null,
        minPercent: round.enterpriseContributionMinPercent,
        requested: Number(requested),
        cap,
      };
      const parts: Text[] = [];
      let ok = true;
      if (total === 0n) {
        ok = false;
        parts.push({
          en: `the total budget is 0 yuan (${count(lines.length, 'budget line', 'budget lines')}), so the enterprises' share cannot be at least ${minText}`,
          zh: `总预算为 0 元（${lines.length} 个预算科目），企业自筹比例无法达到 ${minText}`,
        });
      } else {
        // Exact: enterprise / total >= bp / 10000.
        const shareOk = enterprise * 10_000n >= bp * total;
        ok &&= shareOk;
        const share = shareText(enterprise, total);
        parts.push({
          en: `enterprises contribute ${share} of the total budget (${enterprise} of ${total} yuan); at least ${minText} is required`,
          zh: `企业自筹占总预算的 ${share}（总预算 ${total} 元中企业自筹 ${enterprise} 元），要求不低于 ${minText}`,
        });
      }
      const capOk = requested <= BigInt(cap);
      ok &&= capOk;
      parts.push(
        capOk
          ? {
              en: `the requested funding of ${yuan(requested).en} is within the cap of ${yuan(cap).en}`,
              zh: `申请资助 ${yuan(requested).zh}，未超过上限 ${yuan(cap).zh}`,
            }
          : {
              en: `the requested funding of ${yuan(requested).en} exceeds the cap of ${yuan(cap).en}`,
              zh: `申请资助 ${yuan(requested).zh}，超过上限 ${yuan(cap).zh}`,
            },
      );
      const why = joined(parts);
      const sentence = { en: capitalise(why.en), zh: why.zh };
      return outcome(
        ok,
        values,
        ok ? sentence : { en: `Not eligible: ${why.en}`, zh: `不符合条件：${why.zh}` },
      );
    },
  }),
  rule({
    id: 'A4',
    scope: 'alliance',
    clause: '§2.2.1, §2.2.2',
    title: {
      en: 'A verified task agreement (PDF) is on file',
      zh: '已上传并通过核验的任务协议书（PDF）',
    },
    check({ alliance, documents }) {
      const agreements = documents.filter((d) => d.kind === 'agreement' && d.allianceId === alliance.id);
      const verified = agreements.filter((d) => d.status === 'verified');
      // The latest by request time; on a tie, the later in the list.
      const latest = agreements.reduce<DocumentRecord | undefined>(
        (best, d) => (!best || Date.parse(d.requestedAt) >= Date.parse(best.requestedAt) ? d : best),
        undefined,
      );
      const values = {
        agreements: agreements.length,
        verified: verified.length,
        latestStatus: latest?.status ?? null,
        latestDocumentId: latest?.id ?? null,
        latestRejection: latest?.rejection ?? null,
      };
      if (verified.length > 0) {
        const doc = verified[verified.length - 1]!;
        return outcome(true, values, {
          en: `A verified task agreement is on file (document ${doc.id}${doc.fileName ? `, ${doc.fileName}` : ''})`,
          zh: `已有通过核验的任务协议书（文件 ${doc.id}${doc.fileName ? `，${doc.fileName}` : ''}）`,
        });
      }
      if (!latest) {
        return outcome(false, values, {
          en: 'No task agreement has been uploaded; upload the signed agreement as a PDF',
          zh: '尚未上传任务协议书，请上传已签署的协议书 PDF',
        });
      }
      if (latest.status === 'rejected') {
        const reason = latest.rejection;
        return outcome(false, values, {
          en: `The latest task agreement (document ${latest.id}) was rejected${reason ? `: ${reason.en}` : ''}; upload a corrected PDF`,
          zh: `最近上传的任务协议书（文件 ${latest.id}）未通过核验${reason ? `：${reason.zh}` : ''}，请重新上传`,
        });
      }
      return outcome(false, values, {
        en: `The latest task agreement (document ${latest.id}) is ${latest.status} and not yet verified`,
        zh: `最近上传的任务协议书（文件 ${latest.id}）尚未通过核验（状态：${latest.status}）`,
      });
    },
  }),
  rule({
    id: 'A5',
    scope: 'alliance',
    clause: '§4.1',
    title: {
      en: "Submitted within the round's application window (both ends included)",
      zh: '在本轮申报期内提交（含起止时刻）',
    },
    check({ alliance, round, now }) {
      // A submitted alliance is judged by when it was submitted, so screening after the window has
      // closed does not fail it; a draft (about to be submitted) by `now`. Both ends are inclusive:
      // opensAt <= t <= closesAt, to the millisecond.
      const bySubmission = alliance.status === 'submitted' && alliance.submittedAt !== undefined;
      const at = bySubmission ? Date.parse(alliance.submittedAt!) : now.getTime();
      const { opensAt, closesAt } = round.applicationWindow;
      const opens = Date.parse(opensAt);
      const closes = Date.parse(closesAt);
      const atText = Number.isNaN(at) ? String(alliance.submittedAt) : new Date(at).toISOString();
      const values = { at: atText, basis: bySubmission ? 'submittedAt' : 'now', opensAt, closesAt };
      const window = {
        en: `the window is ${opensAt} to ${closesAt}, both included`,
        zh: `申报期为 ${opensAt} 至 ${closesAt}，含起止时刻`,
      };
      const what = bySubmission ? { en: 'Submitted', zh: '提交时间' } : { en: 'It is now', zh: '当前时间' };
      if (at >= opens && at <= closes) {
        return outcome(true, values, {
          en: `${what.en} ${atText}, within the application window (${window.en})`,
          zh: `${what.zh} ${atText}，在申报期内（${window.zh}）`,
        });
      }
      const side =
        at < opens
          ? { en: 'before the application window opens', zh: '申报期尚未开始' }
          : { en: 'after the application window closed', zh: '申报期已结束' };
      return outcome(false, values, {
        en: `${what.en} ${atText}, ${side.en} (${window.en})`,
        zh: `${what.zh} ${atText}，${side.zh}（${window.zh}）`,
      });
    },
  }),
  rule({
    id: 'R1',
    scope: 'organisation',
    clause: '§4.4',
    title: {
      en: 'Has no overdue annual or completion report in another alliance',
      zh: '所在其他联盟无逾期未交的年度报告或结题报告',
    },
    check(o, ctx) {
      if (!ctx.input) {
        return outcome(
          true,
          { checked: false },
          {
            en: 'Overdue reports are checked when an alliance is checked or submitted',
            zh: '逾期报告在联盟资格审核或提交时检查',
          },
        );
      }
      const overdue = (ctx.input.overdueReports ?? []).filter((r) => r.organisationId === ctx.organisationId);
      const list = overdue.map((r) => ({ allianceId: r.allianceId, kind: r.kind, due: r.due }));
      if (overdue.length === 0) {
        return outcome(
          true,
          { overdueReports: [] },
          {
            en: `${o.name} has no overdue report`,
            zh: `${o.name}无逾期未交的报告`,
          },
        );
      }
      const items = {
        en: list.map((r) => `${r.kind} of alliance ${r.allianceId} due ${r.due}`).join(', '),
        zh: list
          .map(
            (r) =>
              `联盟 ${r.allianceId} 截止 ${r.due} 的${r.kind === 'completion-report' ? '结题报告' : '年度报告'}`,
          )
          .join('、'),
      };
      return outcome(
        false,
        { overdueReports: list },
        {
          en: `Not eligible: ${o.name} has ${count(overdue.length, 'overdue report', 'overdue reports')} (${items.en}); submit ${overdue.length === 1 ? 'it' : 'them'} first`,
          zh: `不符合条件：${o.name}有 ${overdue.length} 份逾期未交的报告（${items.zh}），请先提交`,
        },
      );
    },
  }),
] as const;

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
