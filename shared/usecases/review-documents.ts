/**
 * The documents a reviewer may open (专家评审): the verified documents of an alliance assigned to
 * them, each through a short-lived presigned GET of its evidence copy (the bytes the verifier
 * judged). Nothing else of the bucket, and nothing of an alliance the reviewer is not (or no
 * longer) assigned to: as far as they are concerned, it does not exist (404).
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '../aws/clients.ts';
import { env } from '../config.ts';
import { listDocuments, loadDocumentItem, toDocument } from '../db/documents.ts';
import { loadAssignment } from '../db/reviews.ts';
import type { Principal } from '../domain/actors.ts';
import { notFound, nouns } from '../domain/errors.ts';
import type { DocumentRecord } from '../domain/model/document.ts';

/** How long a download link lives. */
export const DOCUMENT_LINK_SECONDS = 300;

/** What a reviewer is shown of a document: no keys, uploader or organisation. */
export function reviewerDocument(d: DocumentRecord) {
  return {
    id: d.id,
    kind: d.kind,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    pageCount: d.pageCount,
    sha256: d.sha256,
    verifiedAt: d.verifiedAt,
  };
}

const openable = (d: DocumentRecord | undefined): d is DocumentRecord & { evidenceKey: string } =>
  d?.status === 'verified' && Boolean(d.evidenceKey);

/** The verified documents of an alliance, as its reviewers see them (newest first). */
export async function reviewerDocuments(allianceId: string) {
  return (await listDocuments(allianceId)).filter(openable).map(reviewerDocument);
}

/** A presigned GET (DOCUMENT_LINK_SECONDS) of a verified document of an alliance assigned to me. */
export async function assignedDocumentLink(
  principal: Principal,
  roundId: string,
  allianceId: string,
  documentId: string,
  now = new Date(),
) {
  const [assignment, item] = await Promise.all([
    loadAssignment(roundId, allianceId, principal.sub),
    loadDocumentItem(allianceId, documentId),
  ]);
  if (assignment?.status !== 'assigned')
    throw notFound({
      en: `assignment of alliance ${allianceId} in round ${roundId}`,
      zh: `评审分配（联盟 ${allianceId}，申报批次 ${roundId}）`,
    });
  const document = item ? toDocument(item) : undefined;
  if (!openable(document)) throw notFound(nouns.document(documentId));
  const fileName = document.fileName ?? `${document.kind}-${document.id}.pdf`;
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: env('documentsBucket'),
      Key: document.evidenceKey,
      ...(document.evidenceVersionId ? { VersionId: document.evidenceVersionId } : {}),
      ResponseContentType: 'application/pdf',
      ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    }),
    { expiresIn: DOCUMENT_LINK_SECONDS },
  );
  return {
    document: reviewerDocument(document),
    url,
    expiresAt: new Date(now.getTime() + DOCUMENT_LINK_SECONDS * 1000).toISOString(),
  };
}
