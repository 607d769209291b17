import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_LIMITS,
  documentKey,
  evidenceKey,
  isEvidenceKey,
  latestAgreement,
  parseDocumentKey,
} from '../../../shared/domain/documents.ts';
import type { DocumentRecord } from '../../../shared/domain/model/document.ts';

// The judgement (judgeUpload, judgeEvidence) is tested at its boundaries in test/unit/documents/judgement.test.ts.

describe('document keys', () => {
  it('are alliances/<allianceId>/<kind>/<documentId>.pdf and parse back', () => {
    const key = documentKey('a-1', 'report', 'd_2');
    expect(key).toBe('alliances/a-1/report/d_2.pdf');
    expect(parseDocumentKey(key)).toEqual({ allianceId: 'a-1', kind: 'report', documentId: 'd_2' });
  });
  it.each([
    'alliances/a1/agreement/d1',
    'alliances/a1/agreement/d1.pdf.exe',
    'alliances/a1/other/d1.pdf',
    'alliances/a1/b/agreement/d1.pdf',
    'alliances/a.1/agreement/d1.pdf',
    '/alliances/a1/agreement/d1.pdf',
    'uploads/d1.pdf',
  ])('%s is not a document key', (key) => {
    expect(parseDocumentKey(key)).toBeUndefined();
  });
  it('keep verified bytes under evidence/, which is not a document key', () => {
    const key = evidenceKey('a-1', 'receipt', 'd_2');
    expect(key).toBe('evidence/a-1/receipt/d_2.pdf');
    expect(isEvidenceKey(key)).toBe(true);
    expect(parseDocumentKey(key)).toBeUndefined();
    expect(isEvidenceKey(documentKey('a-1', 'receipt', 'd_2'))).toBe(false);
  });
  it('have a limit per kind', () => {
    expect(DOCUMENT_LIMITS).toEqual({
      agreement: 20 * 1024 * 1024,
      report: 50 * 1024 * 1024,
      receipt: 10 * 1024 * 1024,
    });
  });
});

describe('latestAgreement', () => {
  const doc = (id: string, extra: Partial<DocumentRecord>): DocumentRecord => ({
    id,
    allianceId: 'a1',
    kind: 'agreement',
    status: 'verified',
    contentType: 'application/pdf',
    maxBytes: 1,
    uploadedBy: 'u',
    requestedAt: '2031-01-01T00:00:00.000Z',
    verifiedAt: '2031-01-01T00:05:00.000Z',
    ...extra,
  });
  it('is the verified agreement verified last', () => {
    const docs = [
      doc('old', { verifiedAt: '2031-01-01T00:05:00.000Z' }),
      doc('new', { requestedAt: '2030-12-31T00:00:00.000Z', verifiedAt: '2031-01-02T00:00:00.000Z' }),
      doc('pending', { status: 'pending', requestedAt: '2031-02-01T00:00:00.000Z', verifiedAt: undefined }),
      doc('rejected', { status: 'rejected', verifiedAt: '2031-03-01T00:00:00.000Z' }),
      doc('report', { kind: 'report', verifiedAt: '2031-03-01T00:00:00.000Z' }),
    ];
    expect(latestAgreement(docs)?.id).toBe('new');
    expect(latestAgreement([doc('a', {}), doc('b', { requestedAt: '2031-01-01T00:00:01.000Z' })])?.id).toBe(
      'b',
    );
  });
  it('is undefined without a verified agreement', () => {
    expect(latestAgreement([])).toBeUndefined();
    expect(latestAgreement([doc('p', { status: 'pending' })])).toBeUndefined();
  });
});
