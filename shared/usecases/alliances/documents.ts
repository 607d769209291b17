/**
 * An alliance's documents: upload tickets for its confirmed members, the listing, and an admin's
 * reverification of a verified document's evidence (../documents/reverify.ts).
 */
import { listDocuments } from '../../db/documents.ts';
import type { Principal } from '../../domain/actors.ts';
import { conflict } from '../../domain/errors.ts';
import type { DocumentKind } from '../../domain/model/document.ts';
import { reverifyDocument } from '../documents/reverify.ts';
import { createUploadTicket } from '../documents/uploads.ts';
import { accessAlliance } from './access.ts';

/** A presigned upload for a confirmed member (or an admin); the agreement only while a draft. */
export async function requestUpload(
  principal: Principal,
  allianceId: string,
  body: { kind: DocumentKind; fileName?: string | undefined; size?: number | undefined },
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: true });
  if (body.kind === 'agreement' && view.alliance.status !== 'draft') {
    throw conflict({
      en: `alliance ${allianceId} is ${view.alliance.status}; the agreement can only change in a draft`,
      zh: `联盟 ${allianceId} 当前状态为 ${view.alliance.status}，协议只能在草稿阶段更改`,
    });
  }
  return createUploadTicket({
    allianceId,
    kind: body.kind,
    ...(body.fileName ? { fileName: body.fileName } : {}),
    ...(body.size ? { declaredSize: body.size } : {}),
    uploadedBy: principal.sub,
    ...(view.callerOrgId ? { organisationId: view.callerOrgId } : {}),
  });
}

/** Every document of an alliance the caller may see, newest first. */
export async function listAllianceDocuments(principal: Principal, allianceId: string) {
  await accessAlliance(principal, allianceId);
  return listDocuments(allianceId);
}

/** An admin has a verified document's stored evidence checked again (the alliance must exist: 404). */
export async function reverifyAllianceDocument(principal: Principal, allianceId: string, documentId: string) {
  await accessAlliance(principal, allianceId);
  return reverifyDocument(principal, allianceId, documentId);
}
