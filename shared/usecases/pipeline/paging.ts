/**
 * The paged steps of the round pipeline (ScreenBatch, ApplySelection, DesignateBatch): each call
 * processes one page of alliances and returns the cursor of the next, null after the last, so the
 * execution carries one opaque cursor whatever the round's size (statemachines/round-pipeline.ts,
 * `pagedLoop`). Each alliance's work is idempotent, so a page that is retried, or re-run by a
 * restarted execution, changes nothing that was done.
 */
import { envNames, envOptional } from '../../config.ts';
import { setProgress } from '../../db/pipeline.ts';
import type { Page } from '../../db/query.ts';

/** Alliances per page by default: one pipeline invocation handles this many (7 history events per page). */
export const PIPELINE_PAGE_SIZE = 100;

/** The page size: PIPELINE_PAGE_SIZE from the environment (1–1,000), else the default. */
export function pipelinePageSize(): number {
  const raw = envOptional('pipelinePageSize');
  if (raw === undefined) return PIPELINE_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new Error(
      `configuration: ${envNames.pipelinePageSize} must be an integer from 1 to 1000, not "${raw}"`,
    );
  return size;
}
/** Alliances of a page processed at the same time inside the invocation. */
export const PAGE_CONCURRENCY = 10;

export interface PageInput {
  roundId: string;
  /** The cursor the previous page returned; null (or absent) for the first page. */
  cursor?: string | null;
  /** Alliances processed by the earlier pages of this run. */
  processed?: number;
}

export interface PageOutput {
  /** The next page's cursor; null when this was the last page. */
  cursor: string | null;
  /** Alliances processed so far, this page included. */
  processed: number;
}

/** Runs `each` on `items`, at most `limit` at a time; rejects with the first failure. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  each: (item: T) => Promise<unknown>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * One page of a paged step: reads a page of alliances (ids or rows) from `source`, runs `each` on them, and records the
 * progress on the round's pipeline status item (GET /v1/rounds/{id}/pipeline shows it).
 */
export async function runPage<T>(
  input: PageInput,
  step: string,
  source: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
  each: (item: T) => Promise<unknown>,
): Promise<PageOutput> {
  const page = await source(input.cursor ?? undefined, pipelinePageSize());
  await eachLimited(page.items, PAGE_CONCURRENCY, each);
  const processed = (input.processed ?? 0) + page.items.length;
  const cursor = page.nextCursor ?? null;
  await setProgress(input.roundId, { step, processed, done: cursor === null });
  return { cursor, processed };
}
