/**
 * The message templates: one per topic and language, first the subject line, then the body.
 * `{{name}}` is filled from templateVariables (./notify.ts): the draft's subject and data, its
 * one-line summary {{message}}, {{notificationId}} and {{lang}}. A template may use only the
 * variables its topic declares (topicDefinitions); test/unit/notify-templates.test.ts checks every
 * one, so a template cannot ask for a value no draft carries. Pure — no I/O.
 *
 * The wording is the programme office's: change it here (the subject stays one line) and the next
 * message uses it; a new topic needs its two entries (the type below will not compile without them).
 */
import type { NotificationDraft, NotificationTopic } from './notify.ts';
import { templateVariables } from './notify.ts';
import type { Lang } from './text.ts';

export interface MessageTemplate {
  subject: string;
  body: string;
}

const SIGNATURE = {
  zh: '\n\n武汉市科学技术协会 · 企会协作创新计划\n通知编号：{{notificationId}}（本邮件由系统发送，请勿直接回复）',
  en: '\n\nWuhan Association for Science and Technology · Enterprise–Society Collaborative Innovation Programme\nNotification {{notificationId}} (sent automatically; please do not reply)',
} as const;

const t = (zh: MessageTemplate, en: MessageTemplate): Record<Lang, MessageTemplate> => ({
  zh: { subject: zh.subject, body: zh.body + SIGNATURE.zh },
  en: { subject: en.subject, body: en.body + SIGNATURE.en },
});

export const messageTemplates: Record<NotificationTopic, Record<Lang, MessageTemplate>> = {
  'report-reminder': t(
    {
      subject: '【提醒】联盟 {{allianceId}} 的报告将于 {{due}} 到期',
      body: '{{message}}\n\n报告：{{reportId}}（{{kind}}）\n截止日期：{{due}}，剩余 {{daysLeft}} 天。\n请登录系统提交报告。',
    },
    {
      subject: 'Reminder: report of alliance {{allianceId}} due {{due}}',
      body: '{{message}}\n\nReport: {{reportId}} ({{kind}})\nDue: {{due}}, {{daysLeft}} day(s) left.\nPlease sign in and submit it.',
    },
  ),
  'report-overdue': t(
    {
      subject: '【逾期】联盟 {{allianceId}} 的报告已逾期 {{daysOverdue}} 天',
      body: '{{message}}\n\n报告：{{reportId}}（{{kind}}），截止日期 {{due}}。\n请尽快提交；逾期未交将报告市科协处理。',
    },
    {
      subject: 'Overdue: report of alliance {{allianceId}}, {{daysOverdue}} day(s) late',
      body: '{{message}}\n\nReport: {{reportId}} ({{kind}}), due {{due}}.\nPlease submit it now; a report still missing is escalated to the programme office.',
    },
  ),
  'report-escalated': t(
    {
      subject: '【督办】联盟 {{allianceId}} 的报告逾期超过 {{graceDays}} 天',
      body: '{{message}}\n\n报告：{{reportId}}（{{kind}}），截止日期 {{due}}，已逾期 {{daysOverdue}} 天。\n联盟成员：{{members}}',
    },
    {
      subject: 'Escalation: report of alliance {{allianceId}} over {{graceDays}} days late',
      body: '{{message}}\n\nReport: {{reportId}} ({{kind}}), due {{due}}, {{daysOverdue}} day(s) late.\nMembers: {{members}}',
    },
  ),
  'report-submitted': t(
    {
      subject: '联盟 {{allianceId}} 已提交报告 {{reportId}}',
      body: '{{message}}\n\n提交人：{{by}}；是否逾期：{{late}}。',
    },
    {
      subject: 'Alliance {{allianceId}} submitted report {{reportId}}',
      body: '{{message}}\n\nSubmitted by {{by}}; late: {{late}}.',
    },
  ),
  'report-accepted': t(
    {
      subject: '报告 {{reportId}} 已通过审核',
      body: '{{message}}\n\n联盟：{{allianceId}}（{{kind}}，{{due}}）',
    },
    {
      subject: 'Report {{reportId}} accepted',
      body: '{{message}}\n\nAlliance {{allianceId}} ({{kind}}, {{due}})',
    },
  ),
  'report-returned': t(
    {
      subject: '报告 {{reportId}} 被退回修改',
      body: '{{message}}\n\n联盟：{{allianceId}}（{{kind}}，{{due}}）。请登录系统查看意见并重新提交。',
    },
    {
      subject: 'Report {{reportId}} returned for changes',
      body: '{{message}}\n\nAlliance {{allianceId}} ({{kind}}, {{due}}). Please sign in, read the comments and submit again.',
    },
  ),
  'round-stuck': t(
    {
      subject: '【待处理】批次 {{roundId}} 已在“{{gate}}”停留 {{days}} 天',
      body: '{{message}}\n\n自 {{waitingSince}} 起等待（上限 {{limit}} 天）。处理办法见运维手册 RUNBOOK.md。',
    },
    {
      subject: 'Action needed: round {{roundId}} has waited at {{gate}} for {{days}} days',
      body: '{{message}}\n\nWaiting since {{waitingSince}} (limit {{limit}} days). What to do: RUNBOOK.md.',
    },
  ),
  'round-held-by-objections': t(
    {
      subject: '【待处理】批次 {{roundId}} 有 {{open}} 件异议未处理',
      body: '{{message}}\n\n自 {{waitingSince}} 起等待 {{days}} 天，应于 {{dueBy}} 前处理完毕。',
    },
    {
      subject: 'Action needed: round {{roundId}} held by {{open}} open objection(s)',
      body: '{{message}}\n\nWaiting {{days}} days since {{waitingSince}}; due by {{dueBy}}.',
    },
  ),
  'alliance-invitation': t(
    {
      subject: '{{invitedBy}} 邀请贵单位加入联盟“{{allianceName}}”',
      body: '{{message}}\n\n联盟编号：{{allianceId}}\n请登录系统确认或谢绝邀请。',
    },
    {
      subject: '{{invitedBy}} invites you to the alliance "{{allianceName}}"',
      body: '{{message}}\n\nAlliance {{allianceId}}\nPlease sign in to confirm or decline.',
    },
  ),
  'alliance-member-confirmed': t(
    {
      subject: '{{member}} 已确认加入联盟“{{allianceName}}”',
      body: '{{message}}\n\n联盟编号：{{allianceId}}',
    },
    {
      subject: '{{member}} joined the alliance "{{allianceName}}"',
      body: '{{message}}\n\nAlliance {{allianceId}}',
    },
  ),
  'alliance-member-declined': t(
    {
      subject: '{{member}} 谢绝加入联盟“{{allianceName}}”',
      body: '{{message}}\n\n联盟编号：{{allianceId}}。如需继续申报，请邀请其他单位。',
    },
    {
      subject: '{{member}} declined to join "{{allianceName}}"',
      body: '{{message}}\n\nAlliance {{allianceId}}. To apply, invite another organisation.',
    },
  ),
  'screening-result': t(
    {
      subject: '联盟“{{allianceName}}”资格审查结果（是否通过：{{passed}}）',
      body: '{{message}}\n\n批次：{{roundId}}；联盟：{{allianceId}}\n理由：{{reasons}}',
    },
    {
      subject: 'Screening result for "{{allianceName}}" (passed: {{passed}})',
      body: '{{message}}\n\nRound {{roundId}}, alliance {{allianceId}}\nReasons: {{reasons}}',
    },
  ),
  'reviewer-assigned': t(
    {
      subject: '评审任务：联盟“{{allianceName}}”',
      body: '{{message}}\n\n批次：{{roundId}}；联盟：{{allianceId}}\n请登录系统查看申报材料；如存在利益冲突，请先申报回避。',
    },
    {
      subject: 'Review assignment: "{{allianceName}}"',
      body: '{{message}}\n\nRound {{roundId}}, alliance {{allianceId}}\nPlease sign in to read the proposal; declare any conflict of interest first.',
    },
  ),
  'review-reminder': t(
    {
      subject: '【提醒】批次 {{roundId}} 尚有 {{pending}} 份评审未完成，{{deadline}} 截止',
      body: '{{message}}\n\n剩余 {{daysLeft}} 天，请登录系统完成评分。',
    },
    {
      subject: 'Reminder: {{pending}} review(s) pending in round {{roundId}}, due {{deadline}}',
      body: '{{message}}\n\n{{daysLeft}} day(s) left; please sign in and score them.',
    },
  ),
  'selection-result': t(
    {
      subject: '联盟“{{allianceName}}”评审结果（是否入选：{{selected}}）',
      body: '{{message}}\n\n批次：{{roundId}}；联盟：{{allianceId}}\n理由：{{reason}}',
    },
    {
      subject: 'Selection result for "{{allianceName}}" (selected: {{selected}})',
      body: '{{message}}\n\nRound {{roundId}}, alliance {{allianceId}}\nReason: {{reason}}',
    },
  ),
  'notice-published': t(
    {
      subject: '批次 {{roundId}} 拟资助名单已公示',
      body: '{{message}}\n\n公示期至 {{closesAt}}，期间任何人可提出异议。',
    },
    {
      subject: 'Round {{roundId}}: the list of proposed awards is on public notice',
      body: '{{message}}\n\nThe notice runs until {{closesAt}}; anyone may object until then.',
    },
  ),
  'objection-received': t(
    {
      subject: '【待处理】批次 {{roundId}} 收到异议 {{objectionId}}',
      body: '{{message}}\n\n涉及联盟：{{allianceId}}。请登录系统核实处理。',
    },
    {
      subject: 'Action needed: objection {{objectionId}} received in round {{roundId}}',
      body: '{{message}}\n\nAlliance {{allianceId}}. Please sign in to look into it.',
    },
  ),
  'objection-resolved': t(
    {
      subject: '异议 {{objectionId}} 处理结果：{{outcome}}',
      body: '{{message}}\n\n批次：{{roundId}}；联盟：{{allianceId}}\n理由：{{reason}}',
    },
    {
      subject: 'Objection {{objectionId}}: {{outcome}}',
      body: '{{message}}\n\nRound {{roundId}}, alliance {{allianceId}}\nReason: {{reason}}',
    },
  ),
  designation: t(
    {
      subject: '联盟“{{allianceName}}”获得资助 {{amount}}',
      body: '{{message}}\n\n批次：{{roundId}}；联盟：{{allianceId}}\n请登录系统查看实施方案、专项账户与报告要求。',
    },
    {
      subject: '"{{allianceName}}" is funded: {{amount}}',
      body: '{{message}}\n\nRound {{roundId}}, alliance {{allianceId}}\nSign in for the plan, the dedicated account and the reporting duties.',
    },
  ),
  'inspection-planned': t(
    {
      subject: '【内部】已抽取检查 {{inspectionId}}',
      body: '{{message}}\n\n被检查联盟：{{allianceId}}；计划时间：{{plannedFor}}。\n检查为不打招呼方式，请勿提前告知被检查单位。',
    },
    {
      subject: 'Internal: inspection {{inspectionId}} drawn',
      body: '{{message}}\n\nAlliance {{allianceId}}; planned for {{plannedFor}}.\nInspections are unannounced: do not tell the alliance in advance.',
    },
  ),
  'inspection-follow-up': t(
    {
      subject: '检查 {{inspectionId}} 结果：{{outcome}}',
      body: '{{message}}\n\n联盟：{{allianceId}}。请登录系统查看整改要求。',
    },
    {
      subject: 'Inspection {{inspectionId}}: {{outcome}}',
      body: '{{message}}\n\nAlliance {{allianceId}}. Please sign in for what must be followed up.',
    },
  ),
  'interest-received': t(
    {
      subject: '{{society}} 对需求“{{needTitle}}”有合作意向',
      body: '{{message}}\n\n留言：{{note}}\n需求编号：{{needId}}；意向编号：{{interestId}}\n请登录系统接受或谢绝。',
    },
    {
      subject: '{{society}} is interested in your need "{{needTitle}}"',
      body: '{{message}}\n\nMessage: {{note}}\nNeed {{needId}}, interest {{interestId}}\nPlease sign in to accept or decline.',
    },
  ),
  'interest-accepted': t(
    {
      subject: '合作意向已被接受：“{{needTitle}}”',
      body: '{{message}}\n\n已创建联盟草稿 {{allianceId}}，请登录系统完善申报内容。',
    },
    {
      subject: 'Interest accepted: "{{needTitle}}"',
      body: '{{message}}\n\nDraft alliance {{allianceId}} was created; please sign in to complete it.',
    },
  ),
  'interest-declined': t(
    { subject: '合作意向未被接受：“{{needTitle}}”', body: '{{message}}\n\n需求编号：{{needId}}' },
    { subject: 'Interest not accepted: "{{needTitle}}"', body: '{{message}}\n\nNeed {{needId}}' },
  ),
};

/** The `{{name}}` placeholders a template text uses. */
export const placeholdersOf = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

/** Fills `{{name}}` from `vars`; a name with no value is an error (a template/draft mismatch). */
export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template variable ${name} has no value`);
    return value;
  });
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** The message of `draft` in `lang`: its topic's template filled from the draft. */
export function renderMessage(
  draft: Pick<NotificationDraft, 'id' | 'topic' | 'subject' | 'data' | 'message'>,
  lang: Lang,
): RenderedMessage {
  const template = messageTemplates[draft.topic][lang];
  const vars = templateVariables(draft, lang);
  // One line: a value with a line break must not start new headers.
  const subject = fill(template.subject, vars)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return { subject, text: fill(template.body, vars) };
}
