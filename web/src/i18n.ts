/** The console's two languages: Chinese first, English second. */
import { createContext, createElement, Fragment, useContext } from 'react';

export type Lang = 'zh' | 'en';

const strings = {
  title: { zh: '企会协作创新计划', en: 'Enterprise–Society Collaborative Innovation' },
  signIn: { zh: '登录', en: 'Sign in' },
  staffSignIn: { zh: '工作人员登录', en: 'Staff sign-in' },
  signOut: { zh: '退出', en: 'Sign out' },
  signingIn: { zh: '正在登录…', en: 'Signing in…' },
  welcome: {
    zh: '企业与学会组建联盟、联合申报、资格审查、专家评审与立项管理。',
    en: 'Enterprises and societies form alliances, apply jointly, are screened, reviewed and funded.',
  },
  noScreensForRole: {
    zh: '您的角色暂无控制台页面，请通过 API 操作（接口说明：/v1/openapi.json）。',
    en: 'There are no console screens for your role yet; use the API (described at /v1/openapi.json).',
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
  needs: { zh: '需求广场', en: 'Needs board' },
  capability: { zh: '能力档案', en: 'Capability profile' },
  publishNeed: { zh: '发布需求', en: 'Publish a need' },
  needTitle: { zh: '需求名称', en: 'Title' },
  description: { zh: '需求描述', en: 'Description' },
  sector: { zh: '领域', en: 'Sector' },
  serviceTypes: { zh: '服务类型', en: 'Service types' },
  budgetMin: { zh: '预算下限（元）', en: 'Budget from (yuan)' },
  budgetMax: { zh: '预算上限（元）', en: 'Budget to (yuan)' },
  periodStart: { zh: '合作开始日期', en: 'Period start' },
  periodEnd: { zh: '合作结束日期', en: 'Period end' },
  period: { zh: '合作期', en: 'Period' },
  contactChannel: { zh: '联系方式偏好', en: 'Contact preference' },
  channelPlatform: { zh: '平台站内', en: 'On the platform' },
  channelEmail: { zh: '电子邮件', en: 'Email' },
  channelPhone: { zh: '电话', en: 'Phone' },
  enterpriseName: { zh: '需求企业', en: 'Enterprise' },
  expressInterest: { zh: '表达合作意向', en: 'Express interest' },
  message: { zh: '留言', en: 'Message' },
  send: { zh: '发送', en: 'Send' },
  interestSent: { zh: '意向已发送', en: 'Interest sent' },
  suggestions: { zh: '推荐合作学会', en: 'Suggested partners' },
  suggestedNeeds: { zh: '推荐需求', en: 'Suggested needs' },
  score: { zh: '匹配度', en: 'Score' },
  reasons: { zh: '匹配理由', en: 'Reasons' },
  matchedFields: { zh: '领域', en: 'Fields' },
  sharedTerms: { zh: '共同关键词', en: 'Shared terms' },
  load: { zh: '负荷系数', en: 'Load' },
  interests: { zh: '合作意向', en: 'Interests' },
  accept: { zh: '接受', en: 'Accept' },
  decline: { zh: '婉拒', en: 'Decline' },
  openAlliance: { zh: '打开联盟草稿', en: 'Open the draft alliance' },
  fields: { zh: '擅长领域', en: 'Fields' },
  experts: { zh: '专家', en: 'Experts' },
  expertTitle: { zh: '职称', en: 'Title' },
  expertField: { zh: '专业方向', en: 'Field' },
  pastServices: { zh: '服务案例', en: 'Past services' },
  year: { zh: '年份', en: 'Year' },
  serviceTitle: { zh: '服务名称', en: 'Service' },
  add: { zh: '添加', en: 'Add' },
  remove: { zh: '删除', en: 'Remove' },
  onlySocieties: { zh: '能力档案仅供学会填写。', en: 'Only societies keep a capability profile.' },
  serviceType1: { zh: '企业科技战略咨询', en: 'S&T strategy consulting' },
  serviceType2: { zh: '吸收转化先进技术信息', en: 'Absorbing and transferring technical information' },
  serviceType3: { zh: '群众性技术创新活动', en: 'Mass technical innovation activities' },
  serviceType4: { zh: '协同创新攻关项目', en: 'Joint tackling of key or common technologies' },
  serviceType5: {
    zh: '引进重大新技术项目或生产线',
    en: 'Introducing major new technology projects or production lines',
  },
  serviceType6: { zh: '人才交流和人才培养', en: 'Talent exchange and training' },
  serviceType7: { zh: '其他产学研用合作', en: 'Other industry–academia cooperation' },
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

/** A string of the shared dictionary as an element (menu labels, headings built outside a component). */
export function Tr({ k }: { k: Key }) {
  return createElement(Fragment, null, useT()(k));
}

/**
 * A screen area's own strings (kept beside its pages, so areas do not all edit one file):
 * `const s = useStrings(reviewerStrings); s('score')`.
 */
export function useStrings<D extends Record<string, Record<Lang, string>>>(dict: D) {
  const { lang } = useContext(LangContext);
  return (key: keyof D & string) => dict[key]![lang];
}

/** A bilingual Text from the API ({zh, en}) in the current language. */
export function useText() {
  const { lang } = useContext(LangContext);
  return (text: { zh: string; en: string } | undefined) => (text ? text[lang] : '');
}
