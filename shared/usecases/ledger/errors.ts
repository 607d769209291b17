/**
 * The ledger's refusals, in both languages: 409 conflicts that name the amounts (the details carry a
 * machine-readable reason and the figures), and 400s that name the field at fault.
 */
import type { AwardLine } from '../../db/awards.ts';
import { type DomainError, domainError, invalid, notFound } from '../../domain/errors.ts';
import { yuan } from '../../domain/money.ts';
import type { Text } from '../../domain/text.ts';

/** A 409 conflict whose message is `text` and whose one detail names `code` (and `extra` figures). */
function ledgerConflict(
  text: Text,
  code: string,
  extra: Record<string, unknown> = {},
  path?: string,
): DomainError {
  return domainError('conflict', text, {}, (lang) => [
    { ...(path ? { path } : {}), code, message: text[lang], ...extra },
  ]);
}

/** 409: the line does not have the money left. */
export function lineOverspent(
  line: Pick<AwardLine, 'lineId' | 'category'>,
  remaining: number,
  amount: number,
) {
  return ledgerConflict(
    {
      en: `Line ${line.lineId} (${line.category}) has ${yuan(remaining)} left; the expense is ${yuan(amount)}`,
      zh: `预算科目 ${line.lineId}（${line.category}）余额为 ${yuan(remaining)}，本次支出为 ${yuan(amount)}，超出余额`,
    },
    'insufficient_line_balance',
    { lineId: line.lineId, remaining, amount },
    'body.amount',
  );
}

/** 409: the source line of a reallocation does not have the money left to move. */
export function lineCannotGive(
  line: Pick<AwardLine, 'lineId' | 'category'>,
  remaining: number,
  amount: number,
) {
  return ledgerConflict(
    {
      en: `Line ${line.lineId} (${line.category}) has ${yuan(remaining)} left; cannot move ${yuan(amount)}`,
      zh: `预算科目 ${line.lineId}（${line.category}）余额为 ${yuan(remaining)}，不能调出 ${yuan(amount)}`,
    },
    'insufficient_line_balance',
    { lineId: line.lineId, remaining, amount },
    'body.amount',
  );
}

/** 409: the award as a whole does not have the money left. */
export function awardOverspent(remaining: number, amount: number) {
  return ledgerConflict(
    {
      en: `The award has ${yuan(remaining)} left; the expense is ${yuan(amount)}`,
      zh: `资助经费余额为 ${yuan(remaining)}，本次支出为 ${yuan(amount)}，超出余额`,
    },
    'insufficient_award_balance',
    { remaining, amount },
    'body.amount',
  );
}

/** 409: the dedicated account is not open (frozen when the alliance ended). */
export function ledgerFrozen(allianceId: string, status: string) {
  return ledgerConflict(
    {
      en: `The dedicated account of alliance ${allianceId} is ${status}; nothing can be recorded in it`,
      zh: `联盟 ${allianceId} 的专账状态为 ${status === 'frozen' ? '已冻结' : status}，不能记账`,
    },
    'ledger_frozen',
    { status },
  );
}

/** 409: the transaction kept meeting others on the same award, or the balances moved meanwhile. */
export const busy = () =>
  ledgerConflict(
    {
      en: 'The dedicated account is being changed by other requests; retry',
      zh: '专账正在被其他请求修改，请重试',
    },
    'ledger_busy',
  );

/** 409: one receipt backs one entry. */
export function receiptAlreadyUsed(documentId: string, by: string) {
  return ledgerConflict(
    {
      en: `Receipt ${documentId} already backs ledger entry ${by}; one receipt backs one entry`,
      zh: `票据 ${documentId} 已用于记账条目 ${by}；一张票据只能对应一笔支出`,
    },
    'receipt_already_used',
    { entryId: by },
    'body.receiptDocumentId',
  );
}

/** 409: an entry is reversed once. */
export function alreadyReversed(entryId: string, by: string) {
  return ledgerConflict(
    {
      en: `Entry ${entryId} was already reversed by ${by}; an entry can be reversed once`,
      zh: `条目 ${entryId} 已被 ${by} 冲销；每笔条目只能冲销一次`,
    },
    'already_reversed',
    { reversedBy: by },
  );
}

/** 409: a reversal is not reversed; a new expense corrects it. */
export function notReversible(entryId: string) {
  return ledgerConflict(
    {
      en: `Entry ${entryId} is itself a reversal; record a new expense instead`,
      zh: `条目 ${entryId} 本身是冲销条目；请改为新记一笔支出`,
    },
    'not_reversible',
  );
}

/** 404: no such ledger entry. */
export const entryNotFound = (entryId: string) =>
  notFound({ en: `ledger entry ${entryId}`, zh: `记账条目 ${entryId}` });

/** 404: the alliance has no award, hence no dedicated account. */
export const noAccount = (allianceId: string) =>
  notFound({
    en: `the dedicated account of alliance ${allianceId} (no award)`,
    zh: `联盟 ${allianceId} 的专账（尚无资助）`,
  });

/** 400: the award has no such budget line. */
export function unknownLine(path: string, lineId: string, known: string) {
  return invalid(
    path,
    {
      en: `no budget line ${lineId} in this award (lines: ${known})`,
      zh: `本项资助没有预算科目 ${lineId}（现有科目：${known}）`,
    },
    'unknown_line',
  );
}
