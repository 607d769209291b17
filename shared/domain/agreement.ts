/**
 * The task agreement (任务协议书) draft: the association's template text (a versioned JSON file,
 * shared/templates/agreement/, §二(二)1 "格式合同文本由武汉市科协制定") filled from an alliance.
 * Pure: the template and the alliance come in, a document model (headings, paragraphs, tables)
 * goes out; rendering it as .docx is the use case's (shared/usecases/agreement.ts).
 */
import type { AllianceRecord, Member } from './model/alliance.ts';
import { yuan } from './money.ts';

export const agreementBlocks = ['parties', 'tasks', 'workPlan', 'budget', 'experts', 'signatures'] as const;
export type AgreementBlock = (typeof agreementBlocks)[number];

export interface AgreementTemplate {
  id: string;
  version: string;
  title: string;
  subtitle?: string;
  sections: { heading: string; paragraphs?: string[]; block?: string }[];
  footer?: string;
}

export type DocPart =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface AgreementDoc {
  title: string;
  templateId: string;
  templateVersion: string;
  parts: DocPart[];
}

/** A member with the USCC of its organisation. */
export type Party = Pick<Member, 'organisationId' | 'kind' | 'name' | 'state'> & {
  uscc?: string | undefined;
};

/** Fills {{name}} placeholders; an unknown or empty one becomes "（待填写）" (to be filled in). */
export function fill(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => {
    const v = values[key];
    return v === undefined || v === '' ? '（待填写）' : v;
  });
}

/** Enterprise share of the total budget in percent, one decimal ("—" when there is no budget). */
export function enterpriseShare(lines: readonly { amount: number; enterpriseFunds: number }[]): string {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  if (total === 0) return '—';
  const own = lines.reduce((s, l) => s + l.enterpriseFunds, 0);
  return `${(Math.round((own * 1000) / total) / 10).toFixed(1)}%`;
}

const partyLabel = (kind: string, i: number) =>
  `${kind === 'enterprise' ? '企业' : '学会'}${'甲乙丙丁戊己庚辛壬癸'[i] ?? i + 1}方`;

function blockParts(block: AgreementBlock, alliance: AllianceRecord, parties: readonly Party[]): DocPart[] {
  const confirmed = parties.filter((p) => p.state !== 'declined');
  const enterprises = confirmed.filter((p) => p.kind === 'enterprise');
  const societies = confirmed.filter((p) => p.kind === 'society');
  const ordered = [
    ...enterprises.map((p, i) => [partyLabel('enterprise', i), p] as const),
    ...societies.map((p, i) => [partyLabel('society', i), p] as const),
  ];
  switch (block) {
    case 'parties':
      return [
        {
          kind: 'table',
          header: ['缔约方', '单位名称', '类别', '统一社会信用代码'],
          rows: ordered.map(([label, p]) => [
            label,
            p.name,
            p.kind === 'enterprise' ? '企业' : '学会',
            p.uscc ?? '（待填写）',
          ]),
        },
      ];
    case 'tasks':
      return (alliance.tasks ?? []).length
        ? (alliance.tasks ?? []).map((t, i) => ({
            kind: 'paragraph' as const,
            text: `${i + 1}. ${t.title}${t.description ? `：${t.description}` : ''}`,
          }))
        : [{ kind: 'paragraph', text: '（待填写）' }];
    case 'workPlan':
      return (alliance.workPlan ?? []).length
        ? [
            {
              kind: 'table',
              header: ['里程碑', '完成时间', '交付成果'],
              rows: (alliance.workPlan ?? []).map((w) => [w.milestone, w.due, w.deliverable ?? '']),
            },
          ]
        : [];
    case 'budget': {
      const lines = alliance.budgetLines ?? [];
      const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + f(l), 0);
      return [
        {
          kind: 'table',
          header: ['预算科目', '说明', '金额', '企业自筹', '计划资助'],
          rows: [
            ...lines.map((l) => [
              l.category,
              l.description ?? '',
              yuan(l.amount),
              yuan(l.enterpriseFunds),
              yuan(l.programmeFunds),
            ]),
            [
              '合计',
              '',
              yuan(sum((l) => l.amount)),
              yuan(sum((l) => l.enterpriseFunds)),
              yuan(sum((l) => l.programmeFunds)),
            ],
          ],
        },
      ];
    }
    case 'experts':
      return [
        {
          kind: 'table',
          header: ['姓名', '职称', '专业领域', '派出学会'],
          rows: (alliance.expertTeam ?? []).map((e) => [
            e.name,
            e.title,
            e.field,
            parties.find((p) => p.organisationId === e.organisationId)?.name ?? e.organisationId,
          ]),
        },
      ];
    case 'signatures':
      return [
        {
          kind: 'table',
          header: ['缔约方', '单位（盖章）', '法定代表人或授权代表（签字）', '日期'],
          rows: ordered.map(([label, p]) => [label, p.name, '', '    年  月  日']),
        },
      ];
  }
}

/** The agreement of an alliance on a template. `generatedAt` is stamped with the template's version. */
export function buildAgreement(
  template: AgreementTemplate,
  alliance: AllianceRecord,
  parties: readonly Party[],
  generatedAt: string,
): AgreementDoc {
  const lines = alliance.budgetLines ?? [];
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const values: Record<string, string | undefined> = {
    allianceName: alliance.name,
    allianceId: alliance.id,
    roundId: alliance.roundId,
    summary: alliance.summary,
    goals: alliance.goals,
    guaranteeMeasures: alliance.guaranteeMeasures,
    rightsSharing: alliance.rightsSharing,
    periodStart: alliance.period?.start,
    periodEnd: alliance.period?.end,
    totalBudget: lines.length ? yuan(total) : undefined,
    enterpriseFunds: lines.length ? yuan(lines.reduce((s, l) => s + l.enterpriseFunds, 0)) : undefined,
    programmeFunds: lines.length ? yuan(lines.reduce((s, l) => s + l.programmeFunds, 0)) : undefined,
    enterpriseShare: lines.length ? enterpriseShare(lines) : undefined,
    templateVersion: `${template.id}@${template.version}`,
    generatedAt,
  };
  const parts: DocPart[] = [{ kind: 'title', text: fill(template.title, values) }];
  if (template.subtitle) parts.push({ kind: 'paragraph', text: fill(template.subtitle, values) });
  for (const section of template.sections) {
    parts.push({ kind: 'heading', text: fill(section.heading, values) });
    for (const p of section.paragraphs ?? []) parts.push({ kind: 'paragraph', text: fill(p, values) });
    if (section.block && (agreementBlocks as readonly string[]).includes(section.block))
      parts.push(...blockParts(section.block as AgreementBlock, alliance, parties));
  }
  if (template.footer) parts.push({ kind: 'paragraph', text: fill(template.footer, values) });
  return {
    title: fill(template.title, values),
    templateId: template.id,
    templateVersion: template.version,
    parts,
  };
}
