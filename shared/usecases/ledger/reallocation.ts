/** Moving allocation between the budget lines of an award (admin); the award's total is unchanged. */
import { randomUUID } from 'node:crypto';
import { allianceAudit, userActor } from '../../db/audit.ts';
import { type AwardItem, reallocationPut, reallocationUpdate } from '../../db/awards.ts';
import type { Principal } from '../../domain/actors.ts';
import type { Reallocation, ReallocationInput } from '../../domain/model/ledger.ts';
import { writeAccess } from './access.ts';
import { commitLedger, lineIndex, recorder, requireAward, requireOpen, summary } from './account.ts';
import { busy, lineCannotGive } from './errors.ts';

/**
 * Moves allocation from one line to another. The source line's remaining amount must cover the
 * move (the condition on balances.#from decides, in the transaction).
 */
export async function reallocate(
  principal: Principal,
  allianceId: string,
  input: ReallocationInput,
  now = new Date(),
): Promise<ReturnType<typeof summary> & { reallocation: Reallocation }> {
  await writeAccess(principal, allianceId);
  const award = await requireAward(allianceId);
  requireOpen(allianceId, award);
  const from = lineIndex(award, input.fromLineId, 'body.fromLineId');
  const to = lineIndex(award, input.toLineId, 'body.toLineId');
  const at = now.toISOString();
  const id = `r-${randomUUID()}`;
  const record: Reallocation = {
    id,
    allianceId,
    fromLineId: input.fromLineId,
    toLineId: input.toLineId,
    amount: input.amount,
    reason: input.reason,
    by: recorder(principal),
    at,
  };
  await commitLedger(
    [
      reallocationUpdate(allianceId, input, from, to),
      reallocationPut(record),
      allianceAudit(
        allianceId,
        {
          action: 'ledger.reallocation',
          actor: userActor(principal),
          reason: input.reason,
          data: {
            reallocationId: id,
            fromLineId: input.fromLineId,
            toLineId: input.toLineId,
            amount: input.amount,
          },
        },
        now,
      ),
    ],
    async (failed) => {
      if (failed !== 0) return busy();
      const latest = await requireAward(allianceId);
      requireOpen(allianceId, latest);
      const remaining = latest.balances[input.fromLineId] ?? 0;
      if (remaining < input.amount) return lineCannotGive(latest.lines[from]!, remaining, input.amount);
      return busy();
    },
  );
  // The answer is the award as read with this move applied (what the update wrote: the same
  // amounts off one line's balance and allocation, onto the other's), not a second read.
  return { ...summary(moved(award, input, from, to)), reallocation: record };
}

/** `award` after moving `amount` of allocation (and its balance) from line `from` to line `to`. */
function moved(award: AwardItem, input: ReallocationInput, from: number, to: number): AwardItem {
  const lines = award.lines.map((l, i) =>
    i === from
      ? { ...l, allocation: l.allocation - input.amount }
      : i === to
        ? { ...l, allocation: l.allocation + input.amount }
        : l,
  );
  const balances = {
    ...award.balances,
    [input.fromLineId]: (award.balances[input.fromLineId] ?? 0) - input.amount,
    [input.toLineId]: (award.balances[input.toLineId] ?? 0) + input.amount,
  };
  return { ...award, lines, balances };
}
