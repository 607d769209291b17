/**
 * The member rules: E1–E6 for each confirmed enterprise (§3.1), S1–S4 for each confirmed society
 * (§3.2), and R1 for every confirmed member (§4.4). Each returns its outcome; ../eligibility.ts
 * runs them.
 */
import { isWholeYuan } from '../money.ts';
import { joinText, type Text } from '../text.ts';
import { describeUsccProblem, usccProblem } from '../uscc.ts';
import {
  capitalise,
  count,
  FINANCES_MAX_AGE_YEARS,
  outcome,
  programmeYear,
  rule,
  shareText,
} from './core.ts';

/** §3.1: E1–E6, in report order. */
export const enterpriseRules = [
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
      const why = joinText(failures);
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
      if (!isWholeYuan(rdStaff) || !isWholeYuan(employees) || employees === 0) {
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
      if (!isWholeYuan(rdExpenditure) || !isWholeYuan(operatingRevenue)) {
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
      const why = joinText(parts);
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
] as const;

/** §3.2: S1–S4, in report order. */
export const societyRules = [
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
      const why = joinText(failures);
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
] as const;

/** Rules for every confirmed member, whatever its kind: R1. */
export const organisationRules = [
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
