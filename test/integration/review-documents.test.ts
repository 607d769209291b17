/**
 * Reviewers open the documents of the alliances assigned to them (issue #12): the assigned
 * application lists its verified documents, and GET …/documents/{documentId} signs a short-lived
 * link to the verified bytes (the evidence copy: the same SHA-256). Another alliance's document
 * through this assignment, a document that does not exist, a reviewer not assigned, and a
 * reviewer who declared a conflict: 404.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, tokenFor, uid } from './client.ts';
import { closeAndScreen, registerReviewer, twoAllianceRound } from './fixtures.ts';

describe('reviewers’ document links', () => {
  it('signs a link to a verified document of an assigned alliance, and to nothing else', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const { roundId, a, b, parties, reviewer } = await twoAllianceRound(admin, { reviewersPerAlliance: 1 }, [
      ['联盟甲', 200_000],
      ['联盟乙', 200_000],
    ]);
    await registerReviewer(admin, roundId, uid('rev'));
    await closeAndScreen(admin, roundId, [a, b]);
    const assigned = (await api('GET', `/v1/rounds/${roundId}/assignments`, { token: admin })).body.items as {
      allianceId: string;
      reviewerId: string;
      status: string;
    }[];
    const onA = assigned.find((x) => x.allianceId === a && x.status === 'assigned')!;
    const token = await tokenFor(['reviewer'], onA.reviewerId);
    const path = `/v1/reviews/assignments/${roundId}/${a}`;

    const read = await api('GET', path, { token });
    expect(read.status, read.text).toBe(200);
    const docs = read.body.documents as { id: string; kind: string; sha256: string }[];
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'agreement', contentType: 'application/pdf' });
    expect(JSON.stringify(docs)).not.toMatch(/evidenceKey|uploadedBy|"key"/);

    const link = await api('GET', `${path}/documents/${docs[0]!.id}`, { token });
    expect(link.status, link.text).toBe(200);
    expect(link.body.document).toEqual(docs[0]);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    expect(link.body.url).toMatch(/X-Amz-Signature=/);
    expect(link.body.url).toMatch(/\/evidence\//);
    const pdf = await fetch(link.body.url);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(docs[0]!.sha256);

    // Alliance b's agreement through the assignment to a: not found.
    const bDocs = await api('GET', `/v1/alliances/${b}/documents`, { token: parties.e2.token });
    const bDoc = bDocs.body.items[0].id as string;
    expect((await api('GET', `${path}/documents/${bDoc}`, { token })).status).toBe(404);
    expect((await api('GET', `${path}/documents/no-such-document`, { token })).status).toBe(404);
    // A reviewer not assigned to a (the round's other reviewer, or a stranger): not found.
    const other = [reviewer, ...assigned.map((x) => x.reviewerId)].find((r) => r !== onA.reviewerId);
    const notAssigned = await tokenFor(['reviewer'], other ?? uid('rev'));
    if (!assigned.some((x) => x.allianceId === a && x.reviewerId === other && x.status === 'assigned'))
      expect((await api('GET', `${path}/documents/${docs[0]!.id}`, { token: notAssigned })).status).toBe(404);
    const stranger = await tokenFor(['reviewer']);
    const refused = await api('GET', `${path}/documents/${docs[0]!.id}`, { token: stranger });
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain('X-Amz');
    // An applicant (even a member) cannot use the reviewers' route.
    expect((await api('GET', `${path}/documents/${docs[0]!.id}`, { token: parties.e1.token })).status).toBe(
      403,
    );

    // Declaring a conflict ends the reviewer's access at once; the list says "conflict".
    const declared = await api('POST', `${path}/conflict`, {
      token,
      body: { reason: '曾为成员单位提供咨询' },
    });
    expect(declared.status, declared.text).toBe(200);
    expect((await api('GET', `${path}/documents/${docs[0]!.id}`, { token })).status).toBe(404);
    const mine = await api('GET', '/v1/reviews/assignments', { token });
    expect(mine.body.items.find((x: { allianceId: string }) => x.allianceId === a)).toMatchObject({
      status: 'conflict',
      conflictReason: '曾为成员单位提供咨询',
      reviewed: false,
    });
  });
});
