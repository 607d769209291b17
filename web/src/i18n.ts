/** The console's two languages: Chinese first, English second. */
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const strings = {
  title: { zh: '企会协作创新计划', en: 'Enterprise–Society Collaborative Innovation' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  signingIn: { zh: '正在登录…', en: 'Signing in…' },
  welcome: {
    zh: '企业与学会组建联盟、联合申报、资格审查、专家评审与立项管理。',
    en: 'Enterprises and societies form alliances, apply jointly, are screened, reviewed and funded.',
  },
  organisation: { zh: '单位信息', en: 'Organisation' },
  alliances: { zh: '联盟申报', en: 'Alliances' },
  rounds: { zh: '申报批次', en: 'Rounds' },
  assignments: { zh: '评审任务', en: 'Assignments' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  create: { zh: '创建', en: 'Create' },
  kind: { zh: '单位类型', en: 'Kind' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  society: { zh: '学会', en: 'Society' },
  name: { zh: '名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  legalPerson: { zh: '独立法人（E1）', en: 'Independent legal person (E1)' },
  techSme: { zh: '科技型中小企业（E1）', en: 'Technology-based SME (E1)' },
  mainBusiness: { zh: '主营业务', en: 'Main business' },
  techIntensive: { zh: '技术密集型（E2）', en: 'Technology-intensive (E2)' },
  employees: { zh: '职工人数', en: 'Employees' },
  rdStaff: { zh: '研发人员（E3）', en: 'R&D staff (E3)' },
  finYear: { zh: '财务年度', en: 'Financial year' },
  revenue: { zh: '营业收入（元）', en: 'Operating revenue (yuan)' },
  rdExpenditure: { zh: '研发投入（元，E4）', en: 'R&D expenditure (yuan, E4)' },
  workplace: { zh: '提供场地与设备（E5）', en: 'Provides workplace (E5)' },
  stAssociation: { zh: '企业科协（E6）', en: 'Enterprise S&T association (E6)' },
  established: { zh: '已成立', en: 'Established' },
  inPreparation: { zh: '筹建中', en: 'In preparation' },
  none: { zh: '无', en: 'None' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Phone' },
  rulesLive: { zh: '资格规则（随填随查）', en: 'Eligibility rules (checked as you type)' },
  newAlliance: { zh: '新建联盟', en: 'New alliance' },
  round: { zh: '批次', en: 'Round' },
  goals: { zh: '协作目标', en: 'Goals' },
  status: { zh: '状态', en: 'Status' },
  open: { zh: '打开', en: 'Open' },
  dryRun: { zh: '资格预检', en: 'Eligibility dry run' },
  runDryRun: { zh: '运行预检', en: 'Run the dry run' },
  rule: { zh: '规则', en: 'Rule' },
  clause: { zh: '条款', en: 'Clause' },
  subject: { zh: '对象', en: 'Subject' },
  result: { zh: '结果', en: 'Result' },
  values: { zh: '取值', en: 'Values' },
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
  eligible: { zh: '符合全部规则', en: 'Every rule passes' },
  notEligible: { zh: '存在未通过的规则', en: 'Some rules fail' },
  submit: { zh: '提交申报', en: 'Submit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  history: { zh: '操作记录', en: 'History' },
  members: { zh: '成员', en: 'Members' },
  invite: { zh: '按信用代码邀请', en: 'Invite by USCC' },
  summary: { zh: '简介', en: 'Summary' },
  noOrganisation: { zh: '尚未登记单位信息。', en: 'No organisation registered yet.' },
  loading: { zh: '加载中…', en: 'Loading…' },
  language: { zh: 'English', en: '中文' },
  budget: { zh: '预算（元）', en: 'Budget (yuan)' },
  window: { zh: '申报期', en: 'Application window' },
  pipeline: { zh: '流程阶段', en: 'Pipeline stage' },
  back: { zh: '返回', en: 'Back' },
  explanation: { zh: '说明', en: 'Explanation' },
} satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof strings;

export const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({
  lang: 'zh',
  setLang: () => {},
});

export function useT() {
  const { lang } = useContext(LangContext);
  return (key: Key) => strings[key][lang];
}

/** A bilingual Text from the API ({zh, en}) in the current language. */
export function useText() {
  const { lang } = useContext(LangContext);
  return (text: { zh: string; en: string } | undefined) => (text ? text[lang] : '');
}
