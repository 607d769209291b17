import { describe, expect, it } from 'vitest';
import {
  buildNotice,
  cstIsoDate,
  escapeHtml,
  formatCstDate,
  formatCstPeriodEnd,
  formatCstPeriodEndEn,
  formatYuan,
  NOTICE_CSP,
  type NoticeInput,
  noticeTitle,
  renderNoticeHtml,
} from '../../../shared/domain/notice.ts';
import { fixtureEntries, fixtureInput, fixtureTotal, HOSTILE_NAME } from '../../browser/notice-fixture.ts';

const small: NoticeInput = {
  round: { id: 'r2027', name: '2027年度企会协作创新计划', year: 2027, noticePeriodDays: 7 },
  publishedAt: '2027-03-31T16:00:00Z',
  endsAt: '2027-04-07T16:00:00Z',
  objectionUrl: 'https://api.example.org/v1/public/rounds/r2027/objections',
  entries: [
    {
      allianceId: 'b',
      name: '乙联盟',
      members: [
        { name: '乙学会', kind: 'society' },
        { name: '乙公司', kind: 'enterprise' },
      ],
      sectors: ['materials'],
      serviceTypes: [6, 2],
      award: 300_000,
      rank: 2,
      finalScore: 88.5,
    },
    {
      allianceId: 'a',
      name: '甲联盟',
      members: [
        { name: '甲公司', kind: 'enterprise' },
        { name: '甲学会', kind: 'society' },
      ],
      sectors: ['optoelectronics', 'unknown-sector'],
      serviceTypes: [4],
      award: 1_234_567,
      rank: 1,
      finalScore: 93.25,
    },
  ],
  sectorNames: { optoelectronics: '光电子', materials: '新材料', energy: '新能源与高效节能' },
};

describe('buildNotice', () => {
  it('sorts by rank, totals the awards and keeps the round, the period and how to object', () => {
    const notice = buildNotice(small);
    expect(notice.entries.map((e) => e.allianceId)).toEqual(['a', 'b']);
    expect(notice.totalAward).toBe(1_534_567);
    expect(notice).toMatchObject({
      roundId: 'r2027',
      roundName: '2027年度企会协作创新计划',
      year: 2027,
      noticePeriodDays: 7,
      publishedAt: '2027-03-31T16:00:00.000Z',
      endsAt: '2027-04-07T16:00:00.000Z',
      objection: { url: small.objectionUrl, fields: ['allianceId', 'name', 'contact', 'text'] },
    });
    expect(notice.entries[1]!.serviceTypes).toEqual([2, 6]);
    // Only the sectors the entries use, and only those with a name.
    expect(notice.sectorNames).toEqual({ optoelectronics: '光电子', materials: '新材料' });
  });

  it('explains objections in both languages, naming the URL, every field and the end of the period', () => {
    const { howTo } = buildNotice(small).objection;
    for (const field of ['allianceId', 'name', 'contact', 'text']) {
      expect(howTo.zh).toContain(field);
      expect(howTo.en).toContain(field);
    }
    expect(howTo.zh).toContain(small.objectionUrl);
    expect(howTo.zh).toContain('2027年4月7日');
    expect(howTo.en).toContain(small.objectionUrl);
    expect(howTo.en).toContain('POST');
    expect(howTo.en).toContain('2027-04-07 (end of day, UTC+8)');
  });

  it('normalises instants to UTC ISO strings, whatever offset they were given in', () => {
    const notice = buildNotice({
      ...small,
      publishedAt: '2027-04-01T00:00:00+08:00',
      endsAt: '2027-04-08T00:00:00+08:00',
    });
    expect(notice.publishedAt).toBe('2027-03-31T16:00:00.000Z');
    expect(notice.endsAt).toBe('2027-04-07T16:00:00.000Z');
  });

  it('breaks rank ties by the higher score, then the name', () => {
    const [b, a] = small.entries as [NoticeInput['entries'][0], NoticeInput['entries'][0]];
    const byScore = buildNotice({
      ...small,
      entries: [
        { ...a, rank: 1 },
        { ...b, rank: 1, finalScore: 99 },
      ],
    });
    expect(byScore.entries.map((e) => e.allianceId)).toEqual(['b', 'a']);
    const byName = buildNotice({
      ...small,
      entries: [
        { ...b, rank: 1, finalScore: 90 },
        { ...a, finalScore: 90 },
      ],
    });
    expect(byName.entries.map((e) => e.name)).toEqual(['甲联盟', '乙联盟']);
  });

  it('does not change its input', () => {
    const input = structuredClone(small);
    buildNotice(input);
    expect(input).toEqual(small);
  });

  it('the fixture: 15 alliances given in reverse come out in rank order with the right total', () => {
    const notice = buildNotice(fixtureInput);
    expect(notice.entries.map((e) => e.rank)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(notice.totalAward).toBe(fixtureTotal);
    expect(fixtureTotal).toBe(8_062_500);
  });

  it('handles an empty list', () => {
    const notice = buildNotice({ ...small, entries: [] });
    expect(notice.totalAward).toBe(0);
    expect(renderNoticeHtml(notice)).toContain('¥0');
  });

  it('refuses nonsense: bad instants, an empty or reversed period, duplicates, fractional or negative awards', () => {
    expect(() => buildNotice({ ...small, publishedAt: 'yesterday' })).toThrow(RangeError);
    expect(() => buildNotice({ ...small, endsAt: small.publishedAt })).toThrow(/end after/);
    expect(() => buildNotice({ ...small, endsAt: '2027-03-01T00:00:00Z' })).toThrow(/end after/);
    expect(() => buildNotice({ ...small, entries: [small.entries[0]!, small.entries[0]!] })).toThrow(/twice/);
    expect(() => buildNotice({ ...small, entries: [{ ...small.entries[0]!, award: 1.5 }] })).toThrow(/whole/);
    expect(() => buildNotice({ ...small, entries: [{ ...small.entries[0]!, award: -1 }] })).toThrow(/whole/);
    expect(() => buildNotice({ ...small, round: { ...small.round, noticePeriodDays: 0 } })).toThrow(/days/);
  });

  it('does not take names from the prototype for sector ids like "constructor"', () => {
    const notice = buildNotice({
      ...small,
      entries: [{ ...small.entries[0]!, sectors: ['constructor', '__proto__'] }],
    });
    expect(Object.keys(notice.sectorNames)).toEqual([]);
    const page = renderNoticeHtml(notice);
    expect(page).toContain('所属领域：constructor、__proto__');
    expect(page).not.toContain('function');
  });
});

describe('dates in China Standard Time (UTC+8)', () => {
  it('formats the calendar date at day boundaries', () => {
    expect(formatCstDate('2027-03-31T16:00:00Z')).toBe('2027年4月1日');
    expect(formatCstDate('2027-03-31T15:59:59.999Z')).toBe('2027年3月31日');
    expect(formatCstDate('2027-12-31T16:00:00Z')).toBe('2028年1月1日');
    expect(formatCstDate('2028-02-28T16:00:00Z')).toBe('2028年2月29日');
    expect(formatCstDate('2027-04-01T12:00:00+08:00')).toBe('2027年4月1日');
    expect(cstIsoDate('2027-03-31T16:00:00Z')).toBe('2027-04-01');
  });

  it('shows a period ending at midnight CST as the last whole day, any other end with its time', () => {
    expect(formatCstPeriodEnd('2027-04-07T16:00:00Z')).toBe('2027年4月7日');
    expect(formatCstPeriodEnd('2027-03-31T16:00:00Z')).toBe('2027年3月31日');
    expect(formatCstPeriodEnd('2027-04-07T16:00:01Z')).toBe('2027年4月8日0时');
    expect(formatCstPeriodEnd('2027-04-07T09:00:00Z')).toBe('2027年4月7日17时');
    expect(formatCstPeriodEnd('2027-04-07T09:30:00Z')).toBe('2027年4月7日17时30分');
    expect(formatCstPeriodEndEn('2027-04-07T16:00:00Z')).toBe('2027-04-07 (end of day, UTC+8)');
    expect(formatCstPeriodEndEn('2027-04-07T09:30:00Z')).toBe('2027-04-07 17:30 (UTC+8)');
  });

  it('the page shows the period in Chinese', () => {
    const page = renderNoticeHtml(buildNotice(small));
    expect(page).toContain('公示期自<time datetime="2027-04-01">2027年4月1日</time>至');
    expect(page).toContain('2027年4月7日</time>（7天）');
  });
});

describe('formatYuan', () => {
  it('groups thousands', () => {
    expect(formatYuan(0)).toBe('¥0');
    expect(formatYuan(999)).toBe('¥999');
    expect(formatYuan(1000)).toBe('¥1,000');
    expect(formatYuan(1_234_567)).toBe('¥1,234,567');
    expect(formatYuan(100_000_000_000)).toBe('¥100,000,000,000');
  });
  it('refuses fractions', () => {
    expect(() => formatYuan(0.5)).toThrow(RangeError);
  });
});

describe('renderNoticeHtml', () => {
  const notice = buildNotice(fixtureInput);
  const page = renderNoticeHtml(notice);

  it('drops bidi controls from interpolated text (a name stored before they were refused)', () => {
    expect(escapeHtml('光谷\u202E司公<b>\u2066x\u2069\u200F')).toBe('光谷司公&lt;b&gt;x');
    const hostile = buildNotice({
      ...fixtureInput,
      entries: fixtureInput.entries.map((e, i) => (i === 0 ? { ...e, name: 'evil\u202Etxt.exe' } : e)),
    });
    const html = renderNoticeHtml(hostile);
    expect(html).toContain('eviltxt.exe');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('is an HTML5 document in Chinese with the title, viewport and CSP', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; form-action &#39;self&#39;">`,
    );
    expect(NOTICE_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    expect(noticeTitle(2027)).toBe('2027年度企会协作创新计划拟支持项目公示');
    expect(page).toContain('<title>2027年度企会协作创新计划拟支持项目公示</title>');
    expect(page).toContain('<h1><span>2027年度企会协作创新计划</span><span>拟支持项目公示</span></h1>');
    expect(page).toContain('如有异议，请于公示期内');
  });

  it('lists every alliance with rank, members by kind, services, sectors and award; and the total', () => {
    for (const e of notice.entries) {
      expect(page).toContain(`<td class="rank" data-label="排名">${e.rank}</td>`);
      expect(page).toContain(escapeHtml(e.name));
      for (const m of e.members)
        expect(page).toContain(`${m.kind === 'enterprise' ? '企业' : '学会'}</span>${escapeHtml(m.name)}`);
      expect(page).toContain(formatYuan(e.award));
    }
    expect(page).toContain('¥8,062,500');
    expect(page).toContain('<li>协同创新攻关项目</li>');
    expect(page).toContain('所属领域：光电子、光机电一体化');
    // In rank order.
    const positions = notice.entries.map((e) => page.indexOf(`id="alliance-${e.allianceId}"`));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
  });

  it('escapes what applicants wrote: no markup, quotes or ampersands get through', () => {
    expect(page).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;光谷&quot; &amp; &#39;联盟&#39; &lt;img src=x onerror=alert(2)&gt;',
    );
    expect(page).toContain('A&amp;B &quot;Quoted&quot; 科技有限公司');
    expect(page).not.toContain(HOSTILE_NAME);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toContain('A&B');
  });

  it('escapes every field that comes from data, round names, ids, URLs and sector names included', () => {
    const evil = '"><script>x</script>&';
    const render = (evil: string) =>
      renderNoticeHtml(
        buildNotice({
          round: { id: evil, name: evil, year: 2027, noticePeriodDays: 7 },
          publishedAt: small.publishedAt,
          endsAt: small.endsAt,
          objectionUrl: `https://x.example/${evil}`,
          entries: [
            {
              allianceId: evil,
              name: evil,
              members: [
                { name: evil, kind: 'enterprise' },
                { name: evil, kind: 'society' },
              ],
              sectors: [evil, 'named'],
              serviceTypes: [99],
              award: 1,
              rank: 1,
              finalScore: 1,
            },
          ],
          sectorNames: { named: evil },
        }),
      );
    const hostile = render(evil);
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).toContain('&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;');
    // The same elements and attributes as with harmless values: nothing from the data became markup.
    const shape = (page: string) =>
      [...page.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)].map((m) => m[1] + m[2]!.replace(/"[^"]*"/g, '""'));
    expect(shape(hostile)).toEqual(shape(render('x')));
  });

  it('has no script at all, no event handlers, no external resources; the only URL is the objection URL, as text', () => {
    const withHttps = renderNoticeHtml(buildNotice(small));
    for (const p of [page, withHttps]) {
      expect(p).not.toMatch(/<script/i);
      expect(p).not.toMatch(/<(link|img|iframe|object|embed|base|source|video|audio|svg)\b/i);
      // One form: the objection's, posted to the objection URL (no script needed).
      expect(p.match(/<form\b/g)).toHaveLength(1);
      // Attributes, read off the tags (escaped data can make no tag): no handlers, nothing to load.
      const attributes = [...p.matchAll(/<[a-z][^>]*>/gi)].flatMap((m) =>
        [...m[0].replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-]+)=/gi)].map((a) => a[1]!.toLowerCase()),
      );
      expect(new Set(attributes)).toEqual(
        new Set([
          'lang',
          'charset',
          'http-equiv',
          'content',
          'name',
          'class',
          'id',
          'data-label',
          'datetime',
          'scope',
          'colspan',
          // the objection form's
          'method',
          'action',
          'accept-charset',
          'for',
          'value',
          'maxlength',
          'autocomplete',
          'rows',
          'type',
        ]),
      );
      expect(p).not.toMatch(/url\(|@import/i);
    }
    expect(page.match(/https?:\/\/[^\s"'<>]+/g)).toEqual(
      Array(page.match(/https?:\/\//g)!.length).fill(fixtureInput.objectionUrl),
    );
    expect(withHttps.match(/https?:\/\/[^\s"'<>]+/g)!.every((u) => u === small.objectionUrl)).toBe(true);
    expect(page).toContain(`<code>${fixtureInput.objectionUrl}</code>`);
  });

  it('explains the JSON API: POST, the URL, the four fields and an example body', () => {
    expect(page).toContain('<code>POST</code>');
    for (const f of ['allianceId', 'name', 'contact', 'text']) expect(page).toContain(`<code>${f}</code>`);
    expect(page).toContain('Content-Type: application/json');
    expect(page).toContain(`&quot;allianceId&quot;: &quot;${notice.entries[0]!.allianceId}&quot;`);
  });

  it('is responsive: cards under 600px, contained code blocks, a CJK system font stack', () => {
    expect(page).toContain('@media (max-width:600px)');
    expect(page).toContain('content:attr(data-label)');
    expect(page).toContain('overflow-x:auto');
    expect(page).toContain('"PingFang SC"');
    expect(page).toContain('"Microsoft YaHei"');
    expect(page).toContain('"Noto Sans CJK SC"');
  });

  it('is the same for the same notice (stored output is stable)', () => {
    expect(renderNoticeHtml(buildNotice(fixtureInput))).toBe(page);
    expect(renderNoticeHtml(JSON.parse(JSON.stringify(notice)))).toBe(page);
  });

  it('every element it opens, it closes (a cheap well-formedness check)', () => {
    const voids = new Set(['meta', 'br', 'input']);
    const stack: string[] = [];
    for (const [, close, name] of page.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
      const tag = name!.toLowerCase();
      if (voids.has(tag)) continue;
      if (close) expect(stack.pop()).toBe(tag);
      else stack.push(tag);
    }
    expect(stack).toEqual([]);
  });
});

it('the fixture has 15 alliances', () => {
  expect(fixtureEntries).toHaveLength(15);
});

describe('withdrawFromNotice: the notice tells the truth after an upheld objection', () => {
  const at = '2027-04-03T02:30:00Z';
  const ground = '经核实，研发人员数据不实';

  it('keeps the alliance listed as withdrawn (撤销) with the date and ground, and leaves it out of the total', async () => {
    const { withdrawFromNotice, listedEntries } = await import('../../../shared/domain/notice.ts');
    const notice = buildNotice(small);
    const after = withdrawFromNotice(notice, [{ allianceId: 'b', at, ground }])!;
    expect(after.entries.map((e) => e.allianceId)).toEqual(['a', 'b']);
    expect(after.entries[1]!.withdrawn).toEqual({ at: '2027-04-03T02:30:00.000Z', ground });
    expect(after.totalAward).toBe(1_234_567);
    expect(listedEntries(after).map((e) => e.allianceId)).toEqual(['a']);
    expect(after.revisions).toEqual([
      { revision: 1, at: notice.publishedAt, change: { en: 'published', zh: '发布公示' } },
      {
        revision: 2,
        at: '2027-04-03T02:30:00.000Z',
        change: { en: `乙联盟 (b) withdrawn: ${ground}`, zh: `撤销 乙联盟（b）：${ground}` },
      },
    ]);
    // Published as it was: the original document is not changed.
    expect(notice.totalAward).toBe(1_534_567);
    expect(notice.entries[1]!.withdrawn).toBeUndefined();
  });

  it('changes nothing for an alliance already withdrawn or not in the notice', async () => {
    const { withdrawFromNotice } = await import('../../../shared/domain/notice.ts');
    const once = withdrawFromNotice(buildNotice(small), [{ allianceId: 'b', at, ground }])!;
    expect(withdrawFromNotice(once, [{ allianceId: 'b', at, ground: 'again' }])).toBeUndefined();
    expect(withdrawFromNotice(once, [{ allianceId: 'zzz', at, ground }])).toBeUndefined();
  });

  it('withdrawing every alliance leaves a total of ¥0', async () => {
    const { withdrawFromNotice } = await import('../../../shared/domain/notice.ts');
    const none = withdrawFromNotice(buildNotice(small), [
      { allianceId: 'a', at, ground },
      { allianceId: 'b', at, ground },
    ])!;
    expect(none.totalAward).toBe(0);
    expect(none.revisions).toHaveLength(3);
  });

  it('renders the withdrawn row, the updated count and total, and the update record', async () => {
    const { withdrawFromNotice } = await import('../../../shared/domain/notice.ts');
    const page = renderNoticeHtml(withdrawFromNotice(buildNotice(small), [{ allianceId: 'b', at, ground }])!);
    expect(page).toContain('<tr id="alliance-b" class="withdrawn">');
    expect(page).toContain(
      `<strong>已撤销</strong>（<time datetime="2027-04-03T02:30:00.000Z">2027年4月3日</time>）：${ground}`,
    );
    expect(page).toContain('<del>¥300,000</del>');
    expect(page).toContain('合计（1个联盟，不含已撤销的1个）');
    expect(page).toContain('拟支持企会协作创新联盟1个，拟支持经费合计¥1,234,567');
    expect(page).toContain('公示更新记录');
    expect(page).toContain(`撤销 乙联盟（b）：${ground}`);
    expect(renderNoticeHtml(buildNotice(small))).not.toContain('公示更新记录');
  });
});
