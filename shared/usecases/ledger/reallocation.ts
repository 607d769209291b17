/** Moving allocation between the budget lines of an award (admin); the award's total is unchanged. */
import { randomUUID } from 'node:crypto';
import { allianceAudit, userActor } from '../../db/audit.ts';
import { reallocationPut, reallocationUpdate } from '../../db/awards.ts';
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
  return { ...summary(await requireAward(allianceId)), reallocation: record };
}
