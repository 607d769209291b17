import { describe, expect, it } from 'vitest';
import { missingTemplateKeys, type NotificationDraft, notificationId } from '../../shared/domain/notify.ts';
import {
  designationDraft,
  inspectionFollowUpDraft,
  inspectionOffice,
  inspectionPlannedDraft,
  invitationDraft,
  memberAnswerDraft,
  noticePublishedDraft,
  objectionReceivedDraft,
  objectionResolvedDraft,
  programmeOffice,
  reviewerAssignedDraft,
  screeningResultDraft,
  selectionResultDraft,
} from '../../shared/domain/notify-events.ts';

const a = { allianceId: 'a-1', allianceName: '光谷联盟' };
const member = { organisationId: 'org-2', name: '武汉学会', invitedAt: '2026-01-01T00:00:00.000Z' };
const inspection = { inspectionId: 'i-1', allianceId: 'a-1', drawId: 'd-1' };

const drafts: Record<string, NotificationDraft> = {
  invitation: invitationDraft(a, 'org-2', '武汉企业', member.invitedAt),
  confirmed: memberAnswerDraft(a, 'org-1', member, 'confirmed'),
  declined: memberAnswerDraft(a, 'org-1', member, 'declined'),
  screening: screeningResultDraft(
    'r-1',
    a,
    'org-1',
    { outcome: 'reject', reason: '材料不全', at: '2026-02-01T00:00:00.000Z' },
    ['E1'],
  ),
  reviewer: reviewerAssignedDraft('r-1', a, 'sub-1'),
  selection: selectionResultDraft('r-1', a, 'org-1', true, { en: 'funded', zh: '获资助' }),
  noticeOffice: noticePublishedDraft('r-1', programmeOffice, '2026-03-08T00:00:00.000Z'),
  noticeMember: noticePublishedDraft('r-1', { organisationId: 'org-1' }, '2026-03-08T00:00:00.000Z', a),
  objectionReceived: objectionReceivedDraft('r-1', 'o-1', 'a-1'),
  objectionResolved: objectionResolvedDraft(programmeOffice, 'r-1', 'o-1', 'a-1', 'upheld', '属实'),
  designation: designationDraft('r-1', a, 'org-1', 1_234_567),
  inspectionPlanned: inspectionPlannedDraft(inspectionOffice, inspection, '2026-04-01'),
  followUp: inspectionFollowUpDraft('org-1', inspection, 'poor', '2026-05-01', [
    { action: '整改', due: '2026-04-20' },
  ]),
};

describe('notification drafts of the programme events', () => {
  it.each(Object.entries(drafts))('%s carries every template key of its topic', (_name, d) => {
    expect(missingTemplateKeys(d)).toEqual([]);
    expect(d.id).toBe(notificationId(d.recipient, d.occasion));
    expect(d.message.zh.length).toBeGreaterThan(0);
    expect(d.message.en).not.toContain('\n');
  });

  it('names each decision once: the same decision, the same id; another recipient, another id', () => {
    expect(reviewerAssignedDraft('r-1', a, 'sub-1').id).toBe(drafts.reviewer!.id);
    expect(reviewerAssignedDraft('r-1', a, 'sub-2').id).not.toBe(drafts.reviewer!.id);
    const toMember = objectionResolvedDraft(
      { organisationId: 'org-1' },
      'r-1',
      'o-1',
      'a-1',
      'upheld',
      '属实',
    );
    expect(toMember.id).not.toBe(drafts.objectionResolved!.id);
  });

  it('formats the award in whole yuan and keeps the number', () => {
    expect(drafts.designation!.data).toMatchObject({ amount: '¥1,234,567', amountYuan: 1_234_567 });
  });

  it('sends inspection plans to an office, never to an organisation', () => {
    expect(drafts.inspectionPlanned!.recipient).toEqual({ role: 'inspection-office' });
  });

  it('tells the office of an objection without the objector', () => {
    const d = drafts.objectionReceived!;
    expect(JSON.stringify(d)).not.toMatch(/contact|name/i);
  });
});
