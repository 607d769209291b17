/**
 * The message templates (shared/domain/notify-templates.ts) against the topics' declared variables
 * (shared/domain/notify.ts): a template can only ask for what every draft of its topic carries, so
 * no message is ever sent with a hole in it.
 */
import { describe, expect, it } from 'vitest';
import {
  missingTemplateKeys,
  notificationDraft,
  notificationTopics,
  templateKeysOf,
  topicDefinitions,
} from '../../../shared/domain/notify.ts';
import { messageTemplates, placeholdersOf, renderMessage } from '../../../shared/domain/notify-templates.ts';
import { mailAddressOf, optionalTopics, wants } from '../../../shared/domain/preferences.ts';
import {
  calendarDaysUntil,
  reviewReminderDaysFrom,
  reviewReminderDraft,
} from '../../../shared/domain/review-reminders.ts';

describe('message templates', () => {
  it.each(notificationTopics)('%s: both languages, only declared variables, a one-line subject', (topic) => {
    for (const lang of ['zh', 'en'] as const) {
      const template = messageTemplates[topic][lang];
      const allowed = new Set(templateKeysOf(topic));
      for (const name of [...placeholdersOf(template.subject), ...placeholdersOf(template.body)]) {
        expect(allowed.has(name), `${topic}.${lang} uses {{${name}}}`).toBe(true);
      }
      expect(template.subject).not.toMatch(/\n/);
      expect(template.body).toContain('{{notificationId}}');
    }
  });

  it('renders a complete draft in each language; a missing variable is an error, not a blank', () => {
    const draft = notificationDraft(
      { organisationId: 'o-1' },
      'screening-result',
      'screening#r-1#a-1#1',
      { roundId: 'r-1', allianceId: 'a-1' },
      { allianceName: '联盟甲', passed: false, reasons: [{ zh: 'E2 未满足', en: 'E2 not met' }] },
      { zh: '资格审查未通过', en: 'Screening not passed' },
    );
    expect(missingTemplateKeys(draft)).toEqual([]);
    const zh = renderMessage(draft, 'zh');
    expect(zh.subject).toBe('联盟“联盟甲”资格审查结果（是否通过：否）');
    expect(zh.text).toContain('理由：E2 未满足');
    const en = renderMessage(draft, 'en');
    expect(en.subject).toBe('Screening result for "联盟甲" (passed: no)');
    expect(en.text).toContain('Reasons: E2 not met');
    const incomplete = { ...draft, data: { allianceName: '联盟甲', passed: true } };
    expect(missingTemplateKeys(incomplete)).toEqual(['reasons']);
    expect(() => renderMessage(incomplete, 'zh')).toThrow(/reasons/);
  });

  it('keeps a value with a line break from breaking the subject line', () => {
    const draft = notificationDraft(
      { organisationId: 'o-1' },
      'alliance-invitation',
      'invite#a-1#o-1',
      { allianceId: 'a-1' },
      { allianceName: '甲\r\nBcc: x@example.com', invitedBy: '乙' },
      { zh: '邀请', en: 'Invitation' },
    );
    expect(renderMessage(draft, 'en').subject).toBe('乙 invites you to the alliance "甲 Bcc: x@example.com"');
  });
});

describe('preferences', () => {
  it('essential topics are always wanted; optional ones can be opted out of', () => {
    const optional = optionalTopics();
    expect(optional.length).toBeGreaterThan(0);
    for (const topic of notificationTopics) {
      const prefs = { lang: 'zh' as const, optOut: [topic] };
      expect(wants(prefs, topic)).toBe(!topicDefinitions[topic].optional);
      expect(optional.includes(topic)).toBe(topicDefinitions[topic].optional);
    }
  });

  it('mails the chosen address, else the sign-in name when it is an address, else nobody', () => {
    expect(mailAddressOf({ lang: 'zh', optOut: [], email: 'A@B.cn' }, 'c@d.cn')).toBe('a@b.cn');
    expect(mailAddressOf(undefined, 'C@D.cn')).toBe('c@d.cn');
    expect(mailAddressOf(undefined, '8f0c1d2e-uuid')).toBeUndefined();
    expect(mailAddressOf({ lang: 'en', optOut: [], email: 'a@b.cn, c@d.cn' }, undefined)).toBeUndefined();
  });
});

describe('review reminder days', () => {
  it('counts calendar days in China Standard Time, at the midnight boundary', () => {
    const deadline = new Date('2031-03-10T09:00:00Z');
    expect(calendarDaysUntil(new Date('2031-03-09T15:59:59Z'), deadline)).toBe(1); // 23:59:59 on the 9th
    expect(calendarDaysUntil(new Date('2031-03-09T16:00:00Z'), deadline)).toBe(0); // 00:00 on the 10th
    expect(calendarDaysUntil(new Date('2031-03-07T01:00:00Z'), deadline)).toBe(3);
  });

  it('reads REVIEW_REMINDER_DAYS, refusing anything but whole days', () => {
    expect(reviewReminderDaysFrom(undefined)).toEqual([3, 1]);
    expect(reviewReminderDaysFrom('1, 7,0,7')).toEqual([7, 1, 0]);
    expect(() => reviewReminderDaysFrom('3,x')).toThrow(/REVIEW_REMINDER_DAYS/);
    expect(() => reviewReminderDaysFrom('-1')).toThrow(/REVIEW_REMINDER_DAYS/);
  });

  it('a reminder draft is complete', () => {
    const draft = reviewReminderDraft('r-1', 'sub-1', 2, 3, '2031-03-10T09:00:00Z');
    expect(missingTemplateKeys(draft)).toEqual([]);
    expect(renderMessage(draft, 'zh').subject).toBe('【提醒】批次 r-1 尚有 2 份评审未完成，2031-03-10 截止');
  });
});
