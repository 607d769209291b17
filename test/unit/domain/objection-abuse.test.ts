/**
 * Issue #11: who objections are counted against, what counts as the same objection, the limits'
 * windows and refusals, and when a round counts as held by objections — each at its boundaries.
 */
import { describe, expect, it } from 'vitest';
import {
  addressFromViewerHeader,
  clientAddressKey,
  contactKey,
  DEFAULT_OBJECTION_LIMITS,
  DEFAULT_OBJECTION_RESOLUTION_DAYS,
  heldByObjections,
  hourWindow,
  limitRefusal,
  objectionCounters,
  objectionLimitsFrom,
  objectionResolutionDaysFrom,
  objectionsDueBy,
  objectionText,
  requestClientAddress,
  secondsUntil,
  subjectHash,
  textFingerprint,
} from '../../../shared/domain/objection-abuse.ts';

describe('client addresses', () => {
  it('counts an IPv4 address as itself, also when mapped into IPv6', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('ipv4:203.0.113.7');
    expect(clientAddressKey(' 203.0.113.7 ')).toBe('ipv4:203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('ipv4:203.0.113.7');
    expect(clientAddressKey('::FFFF:cb00:7107')).toBe('ipv4:203.0.113.7');
    expect(clientAddressKey('203.0.113.8')).not.toBe(clientAddressKey('203.0.113.7'));
  });

  it('counts IPv6 per /64: every address of one subscriber prefix is one client', () => {
    const a = clientAddressKey('2001:db8:1:2::1');
    expect(a).toBe('ipv6:2001:0db8:0001:0002::/64');
    expect(clientAddressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:fffe')).toBe(a);
    expect(clientAddressKey('2001:db8:1:2:0:0:0:9%eth0')).toBe(a);
    // The next /64 is another client.
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(a);
    expect(clientAddressKey('::1')).toBe('ipv6:0000:0000:0000:0000::/64');
  });

  it('keeps what is not an address as given (it still counts, as itself)', () => {
    expect(clientAddressKey('256.1.1.1')).toBe('other:256.1.1.1');
    expect(clientAddressKey('1:2:3:4:5:6:7:8:9')).toBe('other:1:2:3:4:5:6:7:8:9');
    expect(clientAddressKey('1::2::3')).toBe('other:1::2::3');
  });

  it("reads the viewer's address from CloudFront-Viewer-Address (address and port)", () => {
    expect(addressFromViewerHeader('198.51.100.10:46532')).toBe('198.51.100.10');
    expect(addressFromViewerHeader('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(clientAddressKey(addressFromViewerHeader('2001:db8:1:2::1:46532')!)).toBe(
      clientAddressKey('2001:db8:1:2::1'),
    );
    expect(addressFromViewerHeader('198.51.100.10')).toBe('198.51.100.10');
    expect(addressFromViewerHeader('')).toBeUndefined();
    expect(addressFromViewerHeader(undefined)).toBeUndefined();
  });
});

describe("a request's client address", () => {
  const viewer = { 'cloudfront-viewer-address': '198.51.100.10:46532' };
  const behindCloudFront = { originVerifySecret: 's3cret', addressHeader: 'CloudFront-Viewer-Address' };

  it("is CloudFront's viewer address only on a request carrying the origin-verify secret", () => {
    const sourceIp = '130.176.0.1'; // a CloudFront edge server
    expect(
      requestClientAddress({
        sourceIp,
        headers: { ...viewer, 'x-origin-verify': 's3cret' },
        ...behindCloudFront,
      }),
    ).toBe('198.51.100.10');
    // Called directly, with a forged viewer header: a wrong, longer, shorter or missing secret.
    for (const forged of ['s3creT', 's3cret!', 's3cre', undefined])
      expect(
        requestClientAddress({
          sourceIp,
          headers: { ...viewer, 'x-origin-verify': forged },
          ...behindCloudFront,
        }),
      ).toBe(sourceIp);
  });

  it('is the connection address when no proxy is configured, or it reported no viewer', () => {
    const headers = { ...viewer, 'x-origin-verify': 's3cret' };
    expect(requestClientAddress({ sourceIp: '203.0.113.7', headers })).toBe('203.0.113.7');
    expect(requestClientAddress({ sourceIp: '203.0.113.7', headers, originVerifySecret: 's3cret' })).toBe(
      '203.0.113.7',
    );
    expect(
      requestClientAddress({
        sourceIp: '203.0.113.7',
        headers: { 'x-origin-verify': 's3cret' },
        ...behindCloudFront,
      }),
    ).toBe('203.0.113.7');
  });
});

describe('contacts', () => {
  it('counts an e-mail address case-insensitively, without its +tag, wherever it stands', () => {
    const plain = contactKey('li.ming@example.cn');
    expect(plain).toBe('email:li.ming@example.cn');
    expect(contactKey('  LI.Ming+objection-7@Example.CN ')).toBe(plain);
    expect(contactKey('李明 <li.ming@example.cn>')).toBe(plain);
    expect(contactKey('李明，邮箱：li.ming＠example.cn')).toBe(plain); // full-width ＠ (NFKC)
    expect(contactKey('li.ming2@example.cn')).not.toBe(plain);
  });

  it('counts a phone number by its digits, with or without +86 / 0086 / separators', () => {
    const mobile = contactKey('13800138000');
    expect(mobile).toBe('phone:13800138000');
    for (const same of [
      '138-0013-8000',
      '+86 138 0013 8000',
      '0086 13800138000',
      '8613800138000',
      '１３８００１３８０００',
    ])
      expect(contactKey(same)).toBe(mobile);
    const landline = contactKey('027-87654321');
    expect(landline).toBe('phone:02787654321');
    expect(contactKey('+86 27 8765 4321')).toBe(landline);
    expect(contactKey('(027) 8765-4321')).toBe(landline);
    expect(contactKey('+44 20 7946 0958')).toBe('phone:+442079460958');
  });

  it('a phone needs at least 7 digits; anything else counts as its text without spacing', () => {
    expect(contactKey('123456')).toBe('text:123456');
    expect(contactKey('1234567')).toBe('phone:1234567');
    // The first run of 7+ digits is the phone, not an earlier year.
    expect(contactKey('2024年 电话 13800138000')).toBe('phone:13800138000');
    expect(contactKey('微信 Li Ming')).toBe('text:微信liming');
    expect(contactKey('微信  li\u200bming')).toBe(contactKey('微信 Li Ming'));
  });
});

describe('the same objection', () => {
  it('ignores case, spacing, punctuation, full-width forms and invisible characters', () => {
    const text = '该联盟成员单位A公司 存在虚报业绩的情况，请核查！';
    const fp = textFingerprint(text);
    expect(fp).toMatch(/^[0-9a-f]{32}$/);
    for (const same of [
      '该联盟成员单位a公司存在虚报业绩的情况请核查',
      '  该联盟成员单位Ａ公司，存在 虚报业绩 的情况。。请核查!!  ',
      '该联盟成员单位A公司\u200b存在虚报业绩的情况，\n\n请核查！',
    ])
      expect(textFingerprint(same)).toBe(fp);
    // One character of substance more is another objection.
    expect(textFingerprint('该联盟成员单位B公司存在虚报业绩的情况请核查')).not.toBe(fp);
    expect(objectionText('A-1, b 2!')).toBe('a1b2');
  });
});

describe('keyed hashes', () => {
  it('depend on the key and the subject; never contain the address', () => {
    const h = subjectHash('key-1', 'client', 'ipv4:203.0.113.7');
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(h).not.toContain('203');
    expect(subjectHash('key-1', 'client', 'ipv4:203.0.113.7')).toBe(h);
    expect(subjectHash('key-2', 'client', 'ipv4:203.0.113.7')).not.toBe(h);
    expect(subjectHash('key-1', 'contact', 'ipv4:203.0.113.7')).not.toBe(h);
  });
});

describe('limits', () => {
  it('defaults, and whole numbers ≥ 1 from the environment', () => {
    expect(objectionLimitsFrom({})).toEqual(DEFAULT_OBJECTION_LIMITS);
    expect(DEFAULT_OBJECTION_LIMITS).toEqual({ perHour: 5, perRound: 20 });
    expect(objectionLimitsFrom({ perHour: ' 1 ', perRound: '' })).toEqual({ perHour: 1, perRound: 20 });
    expect(() => objectionLimitsFrom({ perHour: '0' })).toThrow(/OBJECTION_LIMIT_PER_HOUR/);
    expect(() => objectionLimitsFrom({ perRound: '2.5' })).toThrow(/OBJECTION_LIMIT_PER_ROUND/);
    expect(objectionResolutionDaysFrom(undefined)).toBe(DEFAULT_OBJECTION_RESOLUTION_DAYS);
    expect(objectionResolutionDaysFrom('10')).toBe(10);
    expect(() => objectionResolutionDaysFrom('-1')).toThrow(/OBJECTION_RESOLUTION_DAYS/);
  });

  it('an hour window starts on the hour: its first millisecond is in it, its end is not', () => {
    const start = new Date('2026-05-04T09:00:00.000Z');
    expect(hourWindow(start)).toEqual({ id: '2026-05-04T09', endsAt: new Date('2026-05-04T10:00:00.000Z') });
    expect(hourWindow(new Date('2026-05-04T09:59:59.999Z')).id).toBe('2026-05-04T09');
    expect(hourWindow(new Date('2026-05-04T10:00:00.000Z')).id).toBe('2026-05-04T10');
  });

  it('Retry-After is the whole seconds until the window ends, at least 1', () => {
    const end = new Date('2026-05-04T10:00:00.000Z');
    expect(secondsUntil(new Date('2026-05-04T09:00:00.000Z'), end)).toBe(3600);
    expect(secondsUntil(new Date('2026-05-04T09:59:59.001Z'), end)).toBe(1);
    expect(secondsUntil(new Date('2026-05-04T09:59:58.999Z'), end)).toBe(2);
    expect(secondsUntil(end, end)).toBe(1);
  });

  it('an objection counts against the client and the contact, per round and per hour — round limits first', () => {
    const now = new Date('2026-05-04T09:30:00.000Z');
    const counters = objectionCounters({
      clientHash: 'c',
      contactHash: 'k',
      now,
      noticeEndsAt: '2026-05-10T16:00:00.000Z',
      limits: { perHour: 5, perRound: 20 },
    });
    expect(counters.map((c) => [c.subject, c.hash, c.window, c.limit])).toEqual([
      ['client', 'c', 'round', 20],
      ['contact', 'k', 'round', 20],
      ['client', 'c', '2026-05-04T09', 5],
      ['contact', 'k', '2026-05-04T09', 5],
    ]);
    // The round's counters outlive the notice period by 30 days; an hour's its end by a day.
    expect(counters[0]!.expiresAt).toBe(Date.parse('2026-06-09T16:00:00.000Z') / 1000);
    expect(counters[2]!.expiresAt).toBe(Date.parse('2026-05-05T10:00:00.000Z') / 1000);
    expect(counters[0]!.endsAt).toBeUndefined();
    expect(counters[2]!.endsAt).toEqual(new Date('2026-05-04T10:00:00.000Z'));
  });

  it('an hourly refusal says when to retry; a whole-round refusal has no Retry-After (waiting does not help)', () => {
    const now = new Date('2026-05-04T09:59:30.000Z');
    const [round, , hour] = objectionCounters({
      clientHash: 'c',
      contactHash: 'k',
      now,
      noticeEndsAt: '2026-05-10T16:00:00.000Z',
      limits: { perHour: 5, perRound: 20 },
    });
    const hourly = limitRefusal(hour!, 'r-1', now);
    expect(hourly.retryAfterSeconds).toBe(30);
    expect(hourly.text.en).toContain('at most 5 objections from this network address per hour');
    expect(hourly.text.zh).toContain('每小时最多 5 件');
    expect(hourly.text.zh).toContain('30 秒后重试');
    const whole = limitRefusal(round!, 'r-1', now);
    expect(whole.retryAfterSeconds).toBeUndefined();
    expect(whole.text.en).toContain(
      'at most 20 objections from this network address may be filed in round r-1',
    );
    expect(whole.text.zh).toContain('最多 20 件');
  });
});

describe('rounds held by objections', () => {
  const end = '2026-05-10T16:00:00.000Z';

  it('exactly at the notice end plus the resolution days is not yet held; one second later it is', () => {
    const due = Date.parse(end) + 14 * 86_400_000;
    expect(objectionsDueBy(end, 14).getTime()).toBe(due);
    expect(heldByObjections(new Date(due), end, 14)).toBe(false);
    expect(heldByObjections(new Date(due + 1000), end, 14)).toBe(true);
    expect(heldByObjections(new Date(due - 1000), end, 14)).toBe(false);
    // Fewer days: held sooner.
    expect(heldByObjections(new Date(due), end, 13)).toBe(true);
  });
});
