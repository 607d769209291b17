/**
 * Gate tallies (issue #10): counted from the records once when a gate opens (or when a decision's
 * transaction finds none, for a round already waiting when tallies came in), then kept by each
 * decision's own transaction. A decision reads one small item instead of the round.
 */
import { commit, type OnConditionFailed, type TxItem } from '../../db/commit.ts';
import { loadObjections } from '../../db/notices.ts';
import { commitTask } from '../../db/pipeline.ts';
import { loadAssignments, loadReviews } from '../../db/reviews.ts';
import { loadScreenings } from '../../db/screening.ts';
import { loadTally, type Tallies, type TallyName, tallyReplace } from '../../db/tallies.ts';

/**
 * The counts from the records. Every read here is a consistent Query of the round's partition
 * (screening records, assignments, reviews, objections all live there): a GSI is only eventually
 * consistent on AWS, and a recount from one could miss a record or a decision written a moment
 * before and store a short count — the gate would then complete with alliances still undecided or
 * reviews still out. The tally's version condition covers decisions landing during the count.
 */
async function count<N extends TallyName>(roundId: string, name: N): Promise<Tallies[N]> {
  switch (name) {
    case 'screening': {
      const all = await loadScreenings(roundId);
      return {
        total: all.length,
        decided: all.filter((r) => r.decision).length,
        passed: all.filter((r) => r.decision?.outcome === 'pass').length,
        rejected: all.filter((r) => r.decision?.outcome === 'reject').length,
      } satisfies Tallies['screening'] as Tallies[N];
    }
    case 'review': {
      const [assignments, reviews] = await Promise.all([loadAssignments(roundId), loadReviews(roundId)]);
      const done = new Set(reviews.map((r) => `${r.allianceId}#${r.reviewerId}`));
      const active = assignments.filter((a) => a.status === 'assigned');
      return {
        assigned: active.length,
        reviewed: active.filter((a) => done.has(`${a.allianceId}#${a.reviewerId}`)).length,
        reviews: reviews.length,
      } satisfies Tallies['review'] as Tallies[N];
    }
    default: {
      const objections = await loadObjections(roundId);
      return {
        open: objections.filter((o) => o.status === 'open').length,
      } satisfies Tallies['objections'] as Tallies[N];
    }
  }
}

/**
 * Counts a tally from the records and stores it, unless a decision changed it meanwhile — then
 * counts again. Returns the stored counts.
 */
export async function recountTally<N extends TallyName>(roundId: string, name: N): Promise<Tallies[N]> {
  for (let attempt = 0; ; attempt++) {
    const seen = await loadTally(roundId, name);
    const counts = await count(roundId, name);
    if (await commitTask([tallyReplace(roundId, name, counts, seen)])) return counts;
    // There was none and another count stored one meanwhile (decisions arriving together at a
    // round without a tally): that count is as good as this one, and decisions now keep it.
    if (!seen) {
      const stored = await loadTally(roundId, name);
      if (stored) return stored.counts;
    }
    if (attempt >= 9) throw new Error(`the ${name} tally of round ${roundId} kept changing while counted`);
  }
}

/**
 * Commits a decision's transaction together with the tally it moves (`tally`: its
 * `tallyAdd(…, { mustExist: true })`, one of `items`, or a falsy entry when nothing moves), without
 * reading the tally first. Only when the transaction fails because the tally item does not exist (a
 * round already waiting at its gate before tallies came in) is the tally counted from the records —
 * which do not hold this decision yet, its transaction wrote nothing — and the transaction tried
 * once more. Any other failed condition is mapped by `onConditionFailed`, as `commit` does.
 */
export async function commitWithTally(
  roundId: string,
  name: TallyName,
  items: readonly (TxItem | undefined | false | null)[],
  tally: TxItem | undefined | false | null,
  onConditionFailed?: OnConditionFailed,
): Promise<void> {
  // commit leaves falsy entries out, so a failed item's index counts only the present ones.
  const at = tally ? items.filter(Boolean).indexOf(tally) : -1;
  const missing = new Error(`the ${name} tally of round ${roundId} does not exist`);
  const mapped: OnConditionFailed = (failed) =>
    at >= 0 && failed === at
      ? missing
      : typeof onConditionFailed === 'function'
        ? onConditionFailed(failed)
        : onConditionFailed;
  try {
    await commit(items, mapped);
  } catch (error) {
    if (error !== missing) throw error;
    // Count only if no one has meanwhile: concurrent decisions would otherwise keep each other's
    // recounts from landing (each decision moves the version a recount is conditional on).
    if (!(await loadTally(roundId, name))) await recountTally(roundId, name);
    await commit(items, mapped);
  }
}

/** The tally as stored, counted first if it never was. */
export async function loadOrCountTally<N extends TallyName>(roundId: string, name: N): Promise<Tallies[N]> {
  return (await loadTally(roundId, name))?.counts ?? (await recountTally(roundId, name));
}

/** Whether the tally says the gate's people are done. */
export const screeningDone = (t: Tallies['screening']) => t.total > 0 && t.decided >= t.total;
export const reviewsDone = (t: Tallies['review']) => t.reviews > 0 && t.reviewed >= t.assigned;
