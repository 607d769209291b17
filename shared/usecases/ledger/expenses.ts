/**
 * Recording an expense in the dedicated account: checked against the award, the period and its
 * receipt. The entry pins the receipt as verified: its SHA-256 and evidence copy (key, version).
 */
import { allianceAudit, userActor } from '../../db/audit.ts';
import {
  type AwardLine,
  ledgerEntryPut,
  receiptClaimedBy,
  receiptClaimPut,
  spendUpdate,
  verifiedReceiptCheck,
} from '../../db/awards.ts';
import { loadDocumentItem } from '../../db/documents.ts';
import type { Principal } from '../../domain/actors.ts';
import { invalid } from '../../domain/errors.ts';
import type { ExpenseInput, LedgerEntry } from '../../domain/model/ledger.ts';
import type { Text } from '../../domain/text.ts';
import { writeAccess } from './access.ts';
import { commitLedger, lineIndex, newEntry, requireAward, requireOpen, todayInChina } from './account.ts';
import { awardOverspent, busy, lineOverspent, receiptAlreadyUsed } from './errors.ts';

const receiptInvalid = (message: Text, code: string) => invalid('body.receiptDocumentId', message, code);

/** Records an expense: one transaction of the balance update, the entry, the receipt claim and the audit. */
export async function recordExpense(
  principal: Principal,
  allianceId: string,
  input: ExpenseInput,
  now = new Date(),
): Promise<LedgerEntry> {
  const alliance = await writeAccess(principal, allianceId);
  const [award, receipt] = await Promise.all([
    requireAward(allianceId),
    loadDocumentItem(allianceId, input.receiptDocumentId),
  ]);
  requireOpen(allianceId, award);
  const index = lineIndex(award, input.lineId, 'body.lineId');
  const line = award.lines[index]!;

  const today = todayInChina(now);
  if (input.date > today) {
    throw invalid(
      'body.date',
      {
        en: `${input.date} is in the future (today is ${today}, China time)`,
        zh: `${input.date} 晚于今天（北京时间 ${today}）`,
      },
      'date_in_future',
    );
  }
  const period = alliance.period;
  if (period && (input.date < period.start || input.date > period.end)) {
    throw invalid(
      'body.date',
      {
        en: `${input.date} is outside the cooperation period ${period.start} – ${period.end}`,
        zh: `${input.date} 不在合作期限 ${period.start} 至 ${period.end} 内`,
      },
      'outside_period',
    );
  }
  if (receipt?.kind !== 'receipt') {
    throw receiptInvalid(
      {
        en: `no receipt ${input.receiptDocumentId} among this alliance's documents (upload it with kind "receipt")`,
        zh: `本联盟没有票据文件 ${input.receiptDocumentId}（请以 kind "receipt" 上传）`,
      },
      'receipt_not_found',
    );
  }
  if (receipt.status !== 'verified') {
    throw receiptInvalid(
      {
        en: `receipt ${input.receiptDocumentId} is ${receipt.status}, not verified`,
        zh: `票据 ${input.receiptDocumentId} 状态为 ${receipt.status === 'pending' ? '待核验' : '未通过核验'}，尚未核验通过`,
      },
      'receipt_not_verified',
    );
  }

  const entry = newEntry(principal, allianceId, now, {
    kind: 'expense',
    lineId: line.lineId,
    category: line.category,
    amount: input.amount,
    date: input.date,
    description: input.description,
    receiptDocumentId: input.receiptDocumentId,
    ...(receipt.sha256 ? { receiptSha256: receipt.sha256 } : {}),
    ...(receipt.evidenceKey ? { receiptEvidenceKey: receipt.evidenceKey } : {}),
    ...(receipt.evidenceVersionId ? { receiptEvidenceVersionId: receipt.evidenceVersionId } : {}),
  });
  const { id, recordedAt: at } = entry;
  await commitLedger(
    [
      spendUpdate(allianceId, line.lineId, index, input.amount),
      ledgerEntryPut(entry),
      receiptClaimPut(allianceId, input.receiptDocumentId, id, at),
      verifiedReceiptCheck(allianceId, input.receiptDocumentId, receipt.sha256 ?? ''),
      allianceAudit(
        allianceId,
        {
          action: 'ledger.expense',
          actor: userActor(principal),
          reason: input.description,
          data: {
            entryId: id,
            lineId: line.lineId,
            amount: input.amount,
            date: input.date,
            receiptDocumentId: input.receiptDocumentId,
            ...(receipt.sha256 ? { receiptSha256: receipt.sha256 } : {}),
          },
        },
        now,
      ),
    ],
    async (failed) => {
      if (failed === 0) return explainSpendFailure(allianceId, line, input.amount);
      if (failed === 2) {
        const by = await receiptClaimedBy(allianceId, input.receiptDocumentId);
        return receiptAlreadyUsed(input.receiptDocumentId, by ?? '?');
      }
      if (failed === 3) {
        return receiptInvalid(
          {
            en: `receipt ${input.receiptDocumentId} is not a verified receipt`,
            zh: `票据 ${input.receiptDocumentId} 不是已核验的票据`,
          },
          'receipt_not_verified',
        );
      }
      return busy();
    },
  );
  return entry;
}

/** Why the AWARD condition failed, read after the fact (the decision was the condition's). */
async function explainSpendFailure(
  allianceId: string,
  line: Pick<AwardLine, 'lineId' | 'category'>,
  amount: number,
): Promise<Error> {
  const award = await requireAward(allianceId);
  requireOpen(allianceId, award);
  const remaining = award.balances[line.lineId] ?? 0;
  if (remaining < amount) return lineOverspent(line, remaining, amount);
  if (award.balance < amount) return awardOverspent(award.balance, amount);
  return busy(); // the balances changed in between (e.g. a reversal): the client may retry
}
