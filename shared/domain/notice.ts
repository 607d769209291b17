/**
 * The public notice (社会公示, §4.2 of the plan: 通过评审的创新联盟经社会公示无异议后…): the approved list of a
 * round, published for the round's notice period, during which anyone may object.
 *
 * Pure: `buildNotice` makes the JSON document that is published (and stored), `renderNoticeHtml` the
 * readable page made from that document. The page is self-contained: no scripts, no external resources
 * of any kind (its CSP is `NOTICE_CSP`), every interpolated value HTML-escaped, readable on a phone.
 * Objections are filed through its plain HTML form (objection-form.ts; posted without script) or,
 * by programs, as JSON to the same URL.
 * Dates are shown in China Standard Time (UTC+8, no daylight saving).
 */
import { cstDate, cstParts } from './cst.ts';
import { serviceTypes } from './model/alliance.ts';
import { yuan } from './money.ts';
import { OBJECTION_FORM_STYLE, objectionFormHtml } from './objection-form.ts';
import { BIDI_CONTROLS, type Text } from './text.ts';

export interface NoticeMember {
  name: string;
  kind: 'enterprise' | 'society';
}

export interface NoticeEntry {
  allianceId: string;
  name: string;
  members: NoticeMember[];
  /** Sector ids of the round's priority sectors (names in `sectorNames`). */
  sectors: string[];
  /** §2.1 service content types, 1–7. */
  serviceTypes: number[];
  /** Proposed award, whole yuan. */
  award: number;
  rank: number;
  finalScore: number;
  /** Set once the alliance is withdrawn from the list (撤销), e.g. after an upheld objection. */
  withdrawn?: NoticeWithdrawal;
  /** Set on an alliance added by 递补: its supplementary notice (补充公示) and that notice's period. */
  supplement?: { publishedAt: string; endsAt: string };
}

/** Why and when an announced alliance was withdrawn from the notice. */
export interface NoticeWithdrawal {
  at: string;
  /** The ground, as the programme office decided it (e.g. the upheld objection's reason). */
  ground: string;
}

/** One published version of the notice: the first publication, then each change to its list. */
export interface NoticeRevision {
  revision: number;
  at: string;
  change: Text;
}

export interface NoticeInput {
  round: { id: string; name: string; year: number; noticePeriodDays: number };
  entries: NoticeEntry[];
  /** ISO 8601 instant the notice is published (the period starts). */
  publishedAt: string;
  /** ISO 8601 instant the period ends; objections are accepted until then. */
  endsAt: string;
  /** Where to POST objections (JSON API). */
  objectionUrl: string;
  /** Display names of sector ids; an id without a name is shown as it is. */
  sectorNames?: Record<string, string>;
}

export interface PublicNotice {
  roundId: string;
  roundName: string;
  year: number;
  publishedAt: string;
  endsAt: string;
  noticePeriodDays: number;
  /** Sum of the awards of the entries still listed (withdrawn ones not counted), whole yuan. */
  totalAward: number;
  /** Sorted by rank (ties: higher score, then name, then id). */
  entries: NoticeEntry[];
  /** Names of the sectors the entries mention (only those). */
  sectorNames: Record<string, string>;
  objection: { url: string; fields: readonly string[]; howTo: Text };
  /** Every version of the list, oldest first (absent on notices published before revisions were kept). */
  revisions?: NoticeRevision[];
}

/** The Content-Security-Policy of the page: as a <meta> in it, and the header the API sends with it. */
export const NOTICE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

/** The fields of an objection (the JSON body POSTed to `objection.url`). */
export const OBJECTION_FIELDS = ['allianceId', 'name', 'contact', 'text'] as const;

export const programmeName = {
  zh: '企会协作创新计划',
  en: 'Enterprise–Society Collaborative Innovation Programme',
};

/** The page's title: 2027年度企会协作创新计划拟支持项目公示. */
export const noticeTitle = (year: number) => `${year}年度${programmeName.zh}拟支持项目公示`;

// ---------------------------------------------------------------------------------------------------------
// Dates and money
// ---------------------------------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function instant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid instant: ${JSON.stringify(iso)}`);
  return ms;
}

/** The calendar date of an instant in China Standard Time: 2027-03-31T16:00:00Z → 2027年4月1日. */
export function formatCstDate(iso: string): string {
  const { year, month, day } = cstParts(instant(iso, 'date'));
  return `${year}年${month}月${day}日`;
}

/** The ISO date (YYYY-MM-DD) of an instant in China Standard Time, for <time datetime>. */
export function cstIsoDate(iso: string): string {
  return cstDate(new Date(instant(iso, 'date')));
}

/** The last day of a period, and the time it ends unless that is midnight CST (the close of the day before). */
function periodEnd(iso: string) {
  const ms = instant(iso, 'end');
  const p = cstParts(ms);
  if (p.hour === 0 && p.minute === 0 && p.second === 0 && ms % 1000 === 0) {
    return { ...cstParts(ms - 1), endOfDay: true };
  }
  return { ...p, endOfDay: false };
}

/**
 * The last moment of a notice period, as people read it. A period that ends at midnight CST ends at
 * the close of the day before (2027-04-07T16:00:00Z, i.e. 4月8日 00:00 CST → 2027年4月7日); any other
 * end is shown with its time (2027年4月7日17时, 2027年4月7日17时30分).
 */
export function formatCstPeriodEnd(iso: string): string {
  const p = periodEnd(iso);
  const date = `${p.year}年${p.month}月${p.day}日`;
  return p.endOfDay ? date : `${date}${p.hour}时${p.minute ? `${p.minute}分` : ''}`;
}

/** The same in English: '2027-04-07 (end of day, UTC+8)', '2027-04-07 17:30 (UTC+8)'. */
export function formatCstPeriodEndEn(iso: string): string {
  const p = periodEnd(iso);
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  return p.endOfDay ? `${date} (end of day, UTC+8)` : `${date} ${pad(p.hour)}:${pad(p.minute)} (UTC+8)`;
}

/** Whole yuan with thousands separators (1234567 → ¥1,234,567); a fraction of a yuan is refused. */
export function formatYuan(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of yuan: ${amount}`);
  return yuan(amount);
}

// ---------------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------------

function objectionHowTo(url: string, endsZh: string, endsEn: string): Text {
  return {
    zh:
      `如对公示名单有异议，请于公示期内（截至${endsZh}）以 JSON 格式向 ${url} 发送 HTTP POST 请求提出，` +
      '字段为：allianceId（联盟编号）、name（异议人姓名或单位名称）、contact（联系方式）、' +
      'text（异议内容及事实依据）。异议应署真实姓名或单位名称并提供联系方式，逾期或匿名提出的异议不予受理。',
    en:
      `To object to an alliance on the list, send an HTTP POST with a JSON body to ${url} before the notice ` +
      `period ends on ${endsEn}, with the fields allianceId (the alliance's id), name (your name or your ` +
      "organisation's), contact (how to reach you) and text (the objection and the facts it rests on). " +
      'Objections must give a real name and a contact; late or anonymous objections are not considered.',
  };
}

/** The notice as published (JSON): entries sorted by rank, the total, the period, how to object. */
export function buildNotice(input: NoticeInput): PublicNotice {
  const published = instant(input.publishedAt, 'publishedAt');
  const ends = instant(input.endsAt, 'endsAt');
  if (ends <= published) throw new RangeError('the notice period must end after it starts');
  if (!Number.isInteger(input.round.noticePeriodDays) || input.round.noticePeriodDays < 1) {
    throw new RangeError('noticePeriodDays must be a whole number of days, at least 1');
  }
  const seen = new Set<string>();
  for (const entry of input.entries) {
    if (seen.has(entry.allianceId)) throw new RangeError(`alliance ${entry.allianceId} is listed twice`);
    seen.add(entry.allianceId);
    if (!Number.isSafeInteger(entry.award) || entry.award < 0) {
      throw new RangeError(`alliance ${entry.allianceId}: the award must be whole yuan, not negative`);
    }
  }

  const entries = input.entries
    .map((e) => ({
      ...e,
      members: e.members.map((m) => ({ ...m })),
      sectors: [...e.sectors],
      serviceTypes: [...e.serviceTypes].sort((a, b) => a - b),
    }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.finalScore - a.finalScore ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0),
    );

  const names = input.sectorNames ?? {};
  const sectorNames: Record<string, string> = Object.fromEntries(
    entries.flatMap((e) => e.sectors.filter((id) => Object.hasOwn(names, id)).map((id) => [id, names[id]!])),
  );

  const publishedAt = new Date(published).toISOString();
  const endsAt = new Date(ends).toISOString();
  return {
    roundId: input.round.id,
    roundName: input.round.name,
    year: input.round.year,
    publishedAt,
    endsAt,
    noticePeriodDays: input.round.noticePeriodDays,
    totalAward: entries.reduce((sum, e) => sum + e.award, 0),
    entries,
    sectorNames,
    objection: {
      url: input.objectionUrl,
      fields: OBJECTION_FIELDS,
      howTo: objectionHowTo(input.objectionUrl, formatCstPeriodEnd(endsAt), formatCstPeriodEndEn(endsAt)),
    },
    revisions: [{ revision: 1, at: publishedAt, change: { en: 'published', zh: '发布公示' } }],
  };
}

/**
 * The notice with the alliances added by 递补 (supplementary notice, 补充公示): listed after the
 * others with their own notice period, counted in the total, recorded as a revision.
 */
export function addSupplementToNotice(
  notice: PublicNotice,
  supplement: { publishedAt: string; endsAt: string; entries: readonly NoticeEntry[] },
): PublicNotice {
  const known = new Set(notice.entries.map((e) => e.allianceId));
  const added = supplement.entries.filter((e) => !known.has(e.allianceId));
  if (added.length === 0) return notice;
  const period = {
    publishedAt: new Date(instant(supplement.publishedAt, 'publishedAt')).toISOString(),
    endsAt: new Date(instant(supplement.endsAt, 'endsAt')).toISOString(),
  };
  const entries = [...notice.entries, ...added.map((e) => ({ ...e, supplement: period }))];
  const revisions = [
    ...(notice.revisions ?? [
      { revision: 1, at: notice.publishedAt, change: { en: 'published', zh: '发布公示' } },
    ]),
  ];
  revisions.push({
    revision: revisions.length + 1,
    at: period.publishedAt,
    change: {
      en: `supplementary notice: ${added.map((e) => e.name).join(', ')} added from the ranked list (objections until ${formatCstPeriodEndEn(period.endsAt)})`,
      zh: `补充公示：按排名递补 ${added.map((e) => e.name).join('、')}（异议受理至${formatCstPeriodEnd(period.endsAt)}）`,
    },
  });
  const next = { ...notice, entries, revisions };
  return { ...next, totalAward: listedEntries(next).reduce((sum, e) => sum + e.award, 0) };
}

/** The entries still listed (not withdrawn). */
export const listedEntries = (notice: PublicNotice) => notice.entries.filter((e) => !e.withdrawn);

/**
 * The notice with these alliances withdrawn (撤销): each stays in the list, marked with the date and
 * the ground, and no longer counts in the total; each change is a new revision. Alliances already
 * withdrawn, or not in the notice, change nothing; undefined when nothing changes.
 */
export function withdrawFromNotice(
  notice: PublicNotice,
  withdrawals: readonly ({ allianceId: string } & NoticeWithdrawal)[],
): PublicNotice | undefined {
  const pending = withdrawals.filter((w) =>
    notice.entries.some((e) => e.allianceId === w.allianceId && !e.withdrawn),
  );
  if (pending.length === 0) return undefined;
  const byId = new Map(pending.map((w) => [w.allianceId, w]));
  const entries = notice.entries.map((e) => {
    const w = byId.get(e.allianceId);
    return w ? { ...e, withdrawn: { at: new Date(instant(w.at, 'at')).toISOString(), ground: w.ground } } : e;
  });
  const revisions = [
    ...(notice.revisions ?? [
      { revision: 1, at: notice.publishedAt, change: { en: 'published', zh: '发布公示' } },
    ]),
  ];
  for (const w of [...pending].sort((a, b) => a.at.localeCompare(b.at))) {
    const e = notice.entries.find((x) => x.allianceId === w.allianceId)!;
    revisions.push({
      revision: revisions.length + 1,
      at: new Date(instant(w.at, 'at')).toISOString(),
      change: {
        en: `${e.name} (${e.allianceId}) withdrawn: ${w.ground}`,
        zh: `撤销 ${e.name}（${e.allianceId}）：${w.ground}`,
      },
    });
  }
  const next = { ...notice, entries, revisions };
  return { ...next, totalAward: listedEntries(next).reduce((sum, e) => sum + e.award, 0) };
}

// ---------------------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------------------

/** Markup that is already safe: made only by `html`. */
class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for element content and quoted attribute values; bidi controls (refused on input
 * since, but possibly in older records) are dropped so that no name can read backwards.
 */
export const escapeHtml = (text: string) =>
  text.replace(BIDI_CONTROLS, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Interpolation = SafeHtml | string | number | readonly Interpolation[];

function interpolate(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  return escapeHtml(String(value));
}

/** A template whose every interpolation is escaped, unless it was itself made by `html`. */
function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += interpolate(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

const kindLabel = { enterprise: '企业', society: '学会' } as const;

const serviceName = (type: number) =>
  (serviceTypes as Record<number, { zh: string } | undefined>)[type]?.zh ?? `其他（${type}）`;

const STYLE = `
:root{color-scheme:light dark;--fg:#1a1a1a;--muted:#4d4d4d;--bg:#fff;--panel:#f4f6f8;--line:#d5d9de;--accent:#9e1b1b;--ent:#0b5394;--soc:#1e6b37;--tag-ent:#e6eef7;--tag-soc:#e7f2ea}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#c2c2c2;--bg:#141414;--panel:#1f2226;--line:#3a3f45;--accent:#ff8a80;--ent:#9cc7f5;--soc:#9ad7ab;--tag-ent:#1c2b3b;--tag-soc:#1b3124}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;font-size:16px;line-height:1.7}
main{max-width:68rem;margin:0 auto;padding:1.25rem 1rem 3rem;overflow-wrap:anywhere}
header{border-bottom:3px solid var(--accent);margin-bottom:1.25rem;padding-bottom:.75rem;text-align:center}
.issuer{margin:0;color:var(--muted);font-size:.95rem;letter-spacing:.05em}
h1{margin:.25rem 0 0;font-size:1.6rem;line-height:1.35;color:var(--accent)}
h1 span{display:inline-block}
h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-left:.6rem;border-left:4px solid var(--accent)}
p{margin:.6rem 0}
.intro{text-indent:2em}
.summary{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:1rem 0;padding:.75rem 1rem;background:var(--panel);border-radius:6px}
.summary div{min-width:0}
.summary dt{font-size:.85rem;color:var(--muted)}
.summary dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
table{width:100%;border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem}
th,td{border:1px solid var(--line);padding:.55rem .65rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:var(--panel);white-space:nowrap}
.rank{text-align:center;width:3.5rem;font-variant-numeric:tabular-nums}
.c-name{width:30%}.c-members{width:34%}.c-services{width:20%}
.award{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.alliance{font-weight:600}
.id{display:block;font-weight:400;font-size:.8rem;color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
ul.members,ul.services{list-style:none;margin:0;padding:0}
ul.members li,ul.services li{margin:.1rem 0}
.tag{display:inline-block;font-size:.75rem;line-height:1.5;padding:0 .35rem;margin-right:.35rem;border-radius:3px;font-weight:600;vertical-align:.1em}
.tag.enterprise{background:var(--tag-ent);color:var(--ent)}
.tag.society{background:var(--tag-soc);color:var(--soc)}
.sectors{margin-top:.3rem;font-size:.85rem;color:var(--muted)}
tfoot th,tfoot td{background:var(--panel);font-weight:700}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875rem}
code{overflow-wrap:anywhere;background:var(--panel);padding:0 .25rem;border-radius:3px}
pre{max-width:100%;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75rem;line-height:1.5}
pre code{background:none;padding:0}
ol.fields{padding-left:1.5rem}
.en{margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.95rem}
.en h2{border-left-color:var(--line)}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted);text-align:right}
@media (max-width:600px){
main{padding:1rem .75rem 2.5rem}
h1{font-size:1.3rem}
table,caption,tbody,tfoot,tr,th,td{display:block;width:auto}
thead{display:block;position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
tbody tr{border:1px solid var(--line);border-radius:8px;margin:0 0 .85rem;padding:.35rem .75rem;background:var(--bg)}
tbody td{border:0;border-bottom:1px dashed var(--line);padding:.45rem 0}
tbody td:last-child{border-bottom:0}
tbody td::before{content:attr(data-label);display:block;font-size:.8rem;color:var(--muted);font-weight:400}
tbody td.rank{width:auto;text-align:left;font-weight:700;color:var(--accent)}
tbody td.rank::before{display:inline;margin-right:.5rem}
tbody td.award{text-align:left;font-size:1.05rem;font-weight:700}
tfoot tr{display:flex;justify-content:space-between;gap:1rem;border:2px solid var(--line);border-radius:8px;padding:.6rem .75rem;background:var(--panel)}
tfoot th,tfoot td{border:0;padding:0}
}
tr.withdrawn td{color:var(--muted)}
.withdrawn-note{display:block;margin-top:.3rem;font-size:.85rem;color:#a4262c}
.supplement-note{display:block;margin-top:.3rem;font-size:.85rem;color:var(--ent)}
.revisions{padding-left:1.25rem}
@media print{:root{--fg:#000;--bg:#fff}.en{color:#000}tbody tr{break-inside:avoid}}
`;

function renderEntry(notice: PublicNotice, e: NoticeEntry): SafeHtml {
  const ordered = [
    ...e.members.filter((m) => m.kind === 'enterprise'),
    ...e.members.filter((m) => m.kind === 'society'),
  ];
  const members = ordered.map(
    (m) => html`<li><span class="tag ${m.kind}">${kindLabel[m.kind]}</span>${m.name}</li>`,
  );
  const services = e.serviceTypes.map((t) => html`<li>${serviceName(t)}</li>`);
  const names = notice.sectorNames ?? {};
  const sectors = e.sectors.map((id) => (Object.hasOwn(names, id) ? names[id]! : id));
  const withdrawn = e.withdrawn
    ? html`<span class="withdrawn-note"><strong>已撤销</strong>（<time datetime="${e.withdrawn.at}">${formatCstDate(e.withdrawn.at)}</time>）：${e.withdrawn.ground}</span>`
    : '';
  const supplementary = e.supplement
    ? html`<span class="supplement-note"><strong>递补</strong>（补充公示期至<time datetime="${e.supplement.endsAt}">${formatCstPeriodEnd(e.supplement.endsAt)}</time>）</span>`
    : '';
  return html`<tr id="alliance-${e.allianceId}"${e.withdrawn ? new SafeHtml(' class="withdrawn"') : ''}>
<td class="rank" data-label="排名">${e.rank}</td>
<td class="alliance" data-label="联盟名称">${e.name}<span class="id">联盟编号：${e.allianceId}</span>${supplementary}${withdrawn}</td>
<td data-label="成员单位"><ul class="members">${members}</ul></td>
<td data-label="服务内容"><ul class="services">${services}</ul>${
    sectors.length ? html`<div class="sectors">所属领域：${sectors.join('、')}</div>` : ''
  }</td>
<td class="award" data-label="拟支持金额">${e.withdrawn ? html`<del>${formatYuan(e.award)}</del>` : formatYuan(e.award)}</td>
</tr>
`;
}

/** 公示更新记录: every version of the list after the first publication (none: nothing shown). */
function revisionsSection(notice: PublicNotice): SafeHtml | string {
  const changes = (notice.revisions ?? []).filter((r) => r.revision > 1);
  if (changes.length === 0) return '';
  const items = changes.map(
    (r) => html`<li><time datetime="${r.at}">${formatCstDate(r.at)}</time>　${r.change.zh}</li>`,
  );
  return html`<h2 id="revisions">公示更新记录</h2>
<ol class="revisions">${items}</ol>
`;
}

/** The readable page of a notice: one self-contained HTML5 document (see the module comment). */
export function renderNoticeHtml(notice: PublicNotice): string {
  const title = noticeTitle(notice.year);
  const start = formatCstDate(notice.publishedAt);
  const end = formatCstPeriodEnd(notice.endsAt);
  const count = listedEntries(notice).length;
  const withdrawnCount = notice.entries.length - count;
  const url = notice.objection.url;
  const example = JSON.stringify(
    {
      allianceId: notice.entries[0]?.allianceId ?? '联盟编号',
      name: '张三',
      contact: '138xxxxxxxx',
      text: '异议内容及事实依据',
    },
    null,
    2,
  );
  const rows = notice.entries.map((e) => renderEntry(notice, e));

  const page = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${NOTICE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noarchive">
<title>${title}</title>
<style>${new SafeHtml(STYLE + OBJECTION_FORM_STYLE)}</style>
</head>
<body>
<main>
<header>
<p class="issuer">${programmeName.zh}</p>
<h1><span>${notice.year}年度${programmeName.zh}</span><span>拟支持项目公示</span></h1>
</header>

<p class="intro">根据《${programmeName.zh}》实施方案，经推荐申报、资格审核和专家委员会评审，${notice.roundName}拟支持企会协作创新联盟${count}个，拟支持经费合计${formatYuan(notice.totalAward)}，现将名单予以公示。公示期自<time datetime="${cstIsoDate(notice.publishedAt)}">${start}</time>至<time datetime="${notice.endsAt}">${end}</time>（${notice.noticePeriodDays}天）。如有异议，请于公示期内按本页“异议受理”所述方式提出。公示期满无异议或异议不成立的，确定为企会协作创新联盟并给予经费支持。</p>

<dl class="summary">
<div><dt>公示期</dt><dd>${start}至${end}</dd></div>
<div><dt>拟支持联盟</dt><dd>${count}个</dd></div>
<div><dt>拟支持金额合计</dt><dd>${formatYuan(notice.totalAward)}</dd></div>
</dl>

<h2 id="list">拟支持联盟名单</h2>
<table>
<caption>按评审排名排列，金额为拟支持经费（人民币）</caption>
<thead><tr><th scope="col" class="rank">排名</th><th scope="col" class="c-name">联盟名称</th><th scope="col" class="c-members">成员单位</th><th scope="col" class="c-services">服务内容</th><th scope="col" class="award">拟支持金额</th></tr></thead>
<tbody>
${rows}</tbody>
<tfoot><tr><th scope="row" colspan="4">合计（${count}个联盟${withdrawnCount ? `，不含已撤销的${withdrawnCount}个` : ''}）</th><td class="award total">${formatYuan(notice.totalAward)}</td></tr></tfoot>
</table>
${revisionsSection(notice)}
<h2 id="objection">异议受理</h2>
<p>任何单位或个人对公示名单有异议的，请于公示期内（截至<time datetime="${notice.endsAt}">${end}</time>）提出。异议应署真实姓名或单位名称并提供联系方式，写明所针对的联盟编号、异议内容及事实依据。逾期或匿名提出的异议不予受理。</p>
${new SafeHtml(objectionFormHtml(url, listedEntries(notice)))}
<p>本页不含任何脚本。也可通过以下接口以 JSON 格式提交（供程序调用）：</p>
<p>请求方式：<code>POST</code>　地址：<code>${url}</code><br>请求头：<code>Content-Type: application/json</code></p>
<ol class="fields">
<li><code>allianceId</code>：联盟编号（见上表“联盟编号”）</li>
<li><code>name</code>：异议人姓名或单位名称</li>
<li><code>contact</code>：联系方式（电话或电子邮箱）</li>
<li><code>text</code>：异议内容及事实依据</li>
</ol>
<p>示例：</p>
<pre><code>${example}</code></pre>
<p>受理后，科协将对异议进行核实并作出处理；异议成立的，相应联盟不予支持。</p>

<section class="en" lang="en">
<h2>English summary</h2>
<p>${notice.roundName}: ${count} alliance${count === 1 ? '' : 's'} proposed for funding, ${formatYuan(notice.totalAward)} in all. The notice period runs from ${cstIsoDate(notice.publishedAt)} to ${formatCstPeriodEndEn(notice.endsAt)}, ${notice.noticePeriodDays} days.</p>
<p>${notice.objection.howTo.en}</p>
</section>

<footer>发布日期：<time datetime="${notice.publishedAt}">${start}</time></footer>
</main>
</body>
</html>
`;
  return page.value;
}
