/**
 * The public's objection form and the pages that answer it, without a line of script: the notice
 * page embeds `objectionFormHtml` (a plain `<form method="post">` to the objections route, which
 * accepts application/x-www-form-urlencoded as well as JSON); a form post is answered with
 * `objectionReceiptHtml` (201) or `objectionProblemsHtml` (the error's status: 400, 404, 409, 413,
 * 429…), in Chinese or English by Accept-Language. Pure: strings in, strings out.
 */
import { BIDI_CONTROLS, type Lang } from './text.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (value: string | number) =>
  String(value)
    .replace(BIDI_CONTROLS, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The form's fields, in order, with their labels (the zod schema's keys: ObjectionInputSchema). */
export const OBJECTION_FORM_FIELDS = {
  allianceId: { zh: '所针对的联盟', en: 'Alliance objected to' },
  name: { zh: '异议人姓名或单位名称（须为真实姓名或名称）', en: 'Your real name or your organisation' },
  contact: { zh: '联系方式（电话或电子邮箱）', en: 'Contact (phone or e-mail)' },
  text: { zh: '异议内容及事实依据', en: 'The objection and the facts it rests on' },
} as const;

/** Styles of the form and its answer pages (inline CSS is all the notice's policy allows). */
export const OBJECTION_FORM_STYLE = `
form.objection{margin:1rem 0;padding:1rem;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
form.objection fieldset{border:0;margin:0;padding:0;min-width:0}
form.objection legend{font-weight:700;font-size:1.05rem;padding:0}
.field{margin:.85rem 0}
.field label{display:block;font-weight:600;margin-bottom:.25rem}
.field label span[lang=en]{display:block;font-weight:400;font-size:.85rem;color:var(--muted)}
.field select,.field input,.field textarea{display:block;width:100%;max-width:40rem;font:inherit;color:var(--fg);background:var(--bg);border:1px solid #767676;border-radius:4px;padding:.45rem .55rem}
.field textarea{min-height:9rem;resize:vertical}
.field select:focus,.field input:focus,.field textarea:focus,button.submit:focus{outline:3px solid var(--ent);outline-offset:2px}
button.submit{font:inherit;font-weight:700;color:#fff;background:#9e1b1b;border:0;border-radius:4px;padding:.55rem 1.5rem;cursor:pointer}
.hint{font-size:.85rem;color:var(--muted)}
`;

/** The form embedded in the notice page: the listed (not withdrawn) alliances by name and rank. */
export function objectionFormHtml(
  url: string,
  alliances: readonly { allianceId: string; name: string; rank: number }[],
): string {
  const options = alliances
    .map(
      (a) =>
        `<option value="${esc(a.allianceId)}">${esc(a.rank)}. ${esc(a.name)}（${esc(a.allianceId)}）</option>`,
    )
    .join('\n');
  const f = OBJECTION_FORM_FIELDS;
  const label = (id: keyof typeof f) =>
    `<label for="objection-${id}">${esc(f[id].zh)}<span lang="en">${esc(f[id].en)}</span></label>`;
  return `<form class="objection" method="post" action="${esc(url)}" accept-charset="utf-8">
<fieldset>
<legend>在线提交异议 <span lang="en">Object online</span></legend>
<p class="hint">本表单无需脚本，所有项目均为必填。提交后将显示异议受理编号。<span lang="en">No script needed; every field is required. You get an objection number when it is received.</span></p>
<div class="field">${label('allianceId')}
<select id="objection-allianceId" name="allianceId" required>
<option value="">请选择联盟 / Choose an alliance</option>
${options}
</select></div>
<div class="field">${label('name')}<input id="objection-name" name="name" required maxlength="100" autocomplete="name"></div>
<div class="field">${label('contact')}<input id="objection-contact" name="contact" required maxlength="200" autocomplete="email"></div>
<div class="field">${label('text')}<textarea id="objection-text" name="text" required maxlength="5000" rows="8"></textarea></div>
<p><button class="submit" type="submit">提交异议 <span lang="en">Submit</span></button></p>
</fieldset>
</form>
`;
}

const PAGE_STYLE = `
:root{color-scheme:light dark;--fg:#1a1a1a;--muted:#4d4d4d;--bg:#fff;--panel:#f4f6f8;--line:#d5d9de;--accent:#9e1b1b}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#c2c2c2;--bg:#141414;--panel:#1f2226;--line:#3a3f45;--accent:#ff8a80}}
body{margin:0;background:var(--bg);color:var(--fg);font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:16px;line-height:1.7}
main{max-width:44rem;margin:0 auto;padding:1.25rem 1rem 3rem;overflow-wrap:anywhere}
h1{font-size:1.4rem;color:var(--accent);line-height:1.35}
.number{font-size:1.2rem;font-weight:700;font-family:ui-monospace,Menlo,Consolas,monospace;background:var(--panel);padding:.5rem .75rem;border-radius:6px;display:inline-block}
ul.problems li{margin:.4rem 0}
a{color:inherit}
`;

/** The notice page a receipt or a problem page links back to. */
export const noticePageUrl = (roundId: string) =>
  `/v1/public/rounds/${encodeURIComponent(roundId)}/notice.html`;

function page(lang: Lang, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface ObjectionReceipt {
  id: string;
  roundId: string;
  allianceId: string;
  filedAt: string;
  duplicateOf?: string;
}

/** The receipt for a filed objection: its number, what happens next, the way back to the notice. */
export function objectionReceiptHtml(receipt: ObjectionReceipt, lang: Lang): string {
  const back = noticePageUrl(receipt.roundId);
  const at = receipt.filedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  if (lang === 'zh') {
    return page(
      'zh',
      '异议已受理',
      `<h1>异议已受理</h1>
<p>异议受理编号：</p>
<p class="number" id="objection-number">${esc(receipt.id)}</p>
<p>所针对的联盟编号：${esc(receipt.allianceId)}<br>受理时间：<time datetime="${esc(receipt.filedAt)}">${esc(at)}</time></p>
${receipt.duplicateOf ? `<p>此前已有他人就同一联盟提出内容相同的异议（${esc(receipt.duplicateOf)}），将一并核实。</p>` : ''}
<h2>后续处理</h2>
<p>科协将对异议进行核实，并通过您留下的联系方式答复。异议成立的，相应联盟不予支持，结果将在公示页面更新。请保存上述编号以便查询。</p>
<p><a href="${esc(back)}">返回公示页面</a></p>`,
    );
  }
  return page(
    'en',
    'Objection received',
    `<h1>Objection received</h1>
<p>Objection number:</p>
<p class="number" id="objection-number">${esc(receipt.id)}</p>
<p>Alliance: ${esc(receipt.allianceId)}<br>Received: <time datetime="${esc(receipt.filedAt)}">${esc(at)}</time></p>
${receipt.duplicateOf ? `<p>Someone else filed the same objection to this alliance before (${esc(receipt.duplicateOf)}); both are examined together.</p>` : ''}
<h2>What happens next</h2>
<p>The programme office examines the objection and replies through the contact you gave. If it is upheld, the alliance is not funded and the notice page is updated. Keep the number above.</p>
<p><a href="${esc(back)}">Back to the notice</a></p>`,
  );
}

export interface ObjectionProblem {
  status: number;
  message: string;
  details?: readonly { path: string; message: string }[];
}

/** The field a problem's path names (body.text → its label), else the path itself. */
function fieldOf(path: string, lang: Lang): string {
  const key = path.replace(/^body\.?/, '');
  const field = (OBJECTION_FORM_FIELDS as Record<string, { zh: string; en: string }>)[key];
  if (field) return field[lang];
  return key === '' ? (lang === 'zh' ? '表单' : 'the form') : key;
}

/** What was wrong with a form post: every failing field by its label, and the way back. */
export function objectionProblemsHtml(
  roundId: string | undefined,
  problem: ObjectionProblem,
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const items = (problem.details ?? [])
    .filter((d) => d.path.startsWith('body'))
    .map(
      (d) => `<li><strong>${esc(fieldOf(d.path, lang))}</strong>${zh ? '：' : ': '}${esc(d.message)}</li>`,
    );
  const title =
    problem.status === 429
      ? zh
        ? '提交过于频繁'
        : 'Too many objections'
      : zh
        ? '异议未能提交'
        : 'The objection was not filed';
  const back = roundId
    ? `<p><a href="${esc(noticePageUrl(roundId))}">${zh ? '返回公示页面重新填写' : 'Back to the notice to try again'}</a></p>`
    : '';
  return page(
    lang,
    title,
    `<h1>${esc(title)}</h1>
<p role="alert">${esc(problem.message)}</p>
${items.length ? `<h2>${zh ? '请修改以下内容' : 'Please correct'}</h2>\n<ul class="problems">${items.join('\n')}</ul>` : ''}
${back}`,
  );
}
