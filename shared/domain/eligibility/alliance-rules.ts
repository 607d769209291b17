/** The alliance rules, A1–A5 (§2.1, §2.2, §1.3, §4.1, §4.3), checked once per alliance. */
import type { AllianceRecord } from '../model/alliance.ts';
import type { DocumentRecord } from '../model/document.ts';
import { isWholeYuan } from '../money.ts';
import { joinText, type Text } from '../text.ts';
import { bpText, capitalise, count, names, outcome, plainYuan, rule, shareText } from './core.ts';

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
] as const satisfies readonly (Text & { field: keyof AllianceRecord })[];

/** A1–A5, in report order. */
export const allianceRules = [
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
      const why = joinText(failures);
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
      if (!amounts.every(isWholeYuan) || !isWholeYuan(cap)) {
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
              en: `the requested funding of ${plainYuan(requested).en} is within the cap of ${plainYuan(cap).en}`,
              zh: `申请资助 ${plainYuan(requested).zh}，未超过上限 ${plainYuan(cap).zh}`,
            }
          : {
              en: `the requested funding of ${plainYuan(requested).en} exceeds the cap of ${plainYuan(cap).en}`,
              zh: `申请资助 ${plainYuan(requested).zh}，超过上限 ${plainYuan(cap).zh}`,
            },
      );
      const why = joinText(parts);
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
] as const;
