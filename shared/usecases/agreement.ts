/**
 * GET /v1/alliances/{id}/agreement.docx: the task agreement (任务协议书) draft as a Word document,
 * the association's template (shared/templates/agreement/v1.zh.json) filled from the alliance.
 * Members of the alliance and admins only (accessAlliance: anyone else gets 404). `docx` is
 * imported lazily, so it costs the pairing function's cold start nothing until a document is asked for.
 */
import type { Principal } from '../domain/actors.ts';
import {
  type AgreementDoc,
  type AgreementTemplate,
  buildAgreement,
  type Party,
} from '../domain/agreement.ts';
import template from '../templates/agreement/v1.zh.json' with { type: 'json' };
import { accessAlliance } from './alliances/access.ts';
import { loadProfiles } from './organisations.ts';

export const AGREEMENT_TEMPLATE = template as AgreementTemplate;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The filled agreement of an alliance the caller may read. */
export async function agreementOf(principal: Principal, allianceId: string, now = new Date()) {
  const view = await accessAlliance(principal, allianceId);
  const profiles = await loadProfiles(view.members.map((m) => m.organisationId));
  const parties: Party[] = view.members.map((m) => ({ ...m, uscc: profiles.get(m.organisationId)?.uscc }));
  return buildAgreement(AGREEMENT_TEMPLATE, view.alliance, parties, now.toISOString());
}

/** The agreement rendered as .docx bytes (SimSun-friendly: the fonts are left to Word's East Asian default). */
export async function renderDocx(doc: AgreementDoc): Promise<Uint8Array> {
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    Packer,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = await import('docx');
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const children = doc.parts.map((part) => {
    switch (part.kind) {
      case 'title':
        return new Paragraph({
          text: part.text,
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
        });
      case 'heading':
        return new Paragraph({ text: part.text, heading: HeadingLevel.HEADING_2 });
      case 'paragraph':
        return new Paragraph({ children: [new TextRun(part.text)] });
      default: // a table
        return new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: part.header.map((h) => cell(h, true)) }),
            ...part.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        });
    }
  });
  const document = new Document({
    title: doc.title,
    creator: '武汉市科协企会协作创新计划',
    description: `template ${doc.templateId}@${doc.templateVersion}`,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export async function agreementDocx(principal: Principal, allianceId: string, now = new Date()) {
  const doc = await agreementOf(principal, allianceId, now);
  return { bytes: await renderDocx(doc), templateVersion: `${doc.templateId}@${doc.templateVersion}` };
}
