/**
 * The tables the exports screen downloads, built from the API's JSON (every page of each list):
 * a Chinese header row and one row per alliance (or assignment). Plain data: the file formats are
 * in export-file.ts, loaded only when a download is clicked.
 */
import { api, unwrap } from '../../api/client.ts';

export type ExportKind = 'ranking' | 'screening' | 'reviews' | 'awards';
export const exportKinds: readonly ExportKind[] = ['ranking', 'screening', 'reviews', 'awards'];

export interface Table {
  /** The sheet's name (and the file's stem). */
  title: string;
  headers: string[];
  rows: (string | number)[][];
}

const titles: Record<ExportKind, string> = {
  ranking: '排名及理由',
  screening: '资格审核名单',
  reviews: '评审进度',
  awards: '资助名单',
};

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const zh = (v: unknown): string =>
  typeof v === 'string' ? v : typeof rec(v).zh === 'string' ? String(rec(v).zh) : '';
const num = (v: unknown): number | string => (typeof v === 'number' ? v : '');
const yesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : '');

async function screeningItems(roundId: string) {
  const items: Rec[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET('/v1/rounds/{roundId}/screening', {
        params: { path: { roundId }, query: { limit: 500, ...(cursor ? { cursor } : {}) } },
      }),
    );
    items.push(...(page.items as unknown as Rec[]));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function rankingItems(roundId: string) {
  const items: Rec[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET('/v1/rounds/{roundId}/ranking', {
        params: { path: { roundId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    items.push(...(page.items as unknown as Rec[]));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Alliance names by id (the screening list names every submitted alliance). */
async function names(roundId: string) {
  const list = await screeningItems(roundId).catch(() => [] as Rec[]);
  return { list, name: new Map(list.map((i) => [String(i.allianceId), String(i.name ?? '')])) };
}

/** The row the selection ended with: the approved one when approved, else the proposed. */
const outcome = (item: Rec) => rec(item.approved ?? item.proposed);

export async function buildTable(kind: ExportKind, roundId: string): Promise<Table> {
  const title = titles[kind];
  if (kind === 'screening') {
    const list = await screeningItems(roundId);
    return {
      title,
      headers: ['联盟编号', '联盟名称', '自动审核', '未通过规则', '审核决定', '理由', '审核人', '审核时间'],
      rows: list.map((i) => {
        const findings = rec(i.findings);
        const decision = rec(i.decision);
        return [
          String(i.allianceId),
          String(i.name ?? ''),
          findings.eligible === true ? '符合' : findings.eligible === false ? '不符合' : '',
          Array.isArray(findings.failing) ? findings.failing.join('、') : '',
          decision.outcome === 'pass' ? '通过' : decision.outcome === 'reject' ? '不通过' : '待审核',
          String(decision.reason ?? ''),
          String(decision.by ?? ''),
          String(decision.at ?? ''),
        ];
      }),
    };
  }
  if (kind === 'reviews') {
    const [{ name }, body] = await Promise.all([
      names(roundId),
      api.GET('/v1/rounds/{roundId}/assignments', { params: { path: { roundId }, query: {} } }).then(unwrap),
    ]);
    const items = (Array.isArray(rec(body).items) ? rec(body).items : []) as Rec[];
    return {
      title,
      headers: ['联盟编号', '联盟名称', '评审专家', '分配状态', '专业匹配度', '分配时间', '更换原因'],
      rows: items.map((a) => [
        String(a.allianceId),
        name.get(String(a.allianceId)) ?? '',
        String(a.reviewerId ?? ''),
        a.status === 'assigned'
          ? '评审中'
          : a.status === 'replaced'
            ? '已更换（回避）'
            : String(a.status ?? ''),
        num(a.expertiseMatch),
        String(a.assignedAt ?? ''),
        String(a.replacedReason ?? ''),
      ]),
    };
  }
  const [{ name }, items] = await Promise.all([names(roundId), rankingItems(roundId)]);
  const nameOf = (i: Rec) => String(i.name ?? name.get(String(i.allianceId)) ?? '');
  if (kind === 'awards') {
    // Funded: selected and not dropped since, or added by 递补 (the supplement row has its award).
    const funded = items.filter((i) => (outcome(i).funded === true || i.supplement) && !i.dropped);
    return {
      title,
      headers: ['排名', '联盟编号', '联盟名称', '最终得分', '资助金额（元）', '说明', '递补'],
      rows: funded.map((i) => [
        num(i.rank),
        String(i.allianceId),
        nameOf(i),
        num(outcome(i).finalScore),
        num(rec(i.supplement).award ?? outcome(i).award),
        i.supplement ? '按排名递补' : zh(outcome(i).reason),
        i.supplement ? '是' : '',
      ]),
    };
  }
  return {
    title,
    headers: [
      '排名',
      '联盟编号',
      '联盟名称',
      '最终得分',
      '是否资助',
      '拟支持金额（元）',
      '理由',
      '调整说明',
      '撤销',
    ],
    rows: items.map((i) => {
      const row = outcome(i);
      const dropped = rec(i.dropped);
      return [
        num(i.rank),
        String(i.allianceId),
        nameOf(i),
        num(row.finalScore),
        yesNo(row.funded),
        row.funded === true ? num(row.award) : '',
        zh(row.reason),
        String(rec(row.adjustment).reason ?? ''),
        i.dropped ? String(dropped.reason ?? '已撤销') : '',
      ];
    }),
  };
}
