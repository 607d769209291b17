/** Stage ApplySelection as a paged step (../paging.ts): one page of the approved selection applied. */
import { setProgress } from '../../../db/pipeline.ts';
import type { PageInput, PageOutput } from '../paging.ts';
import { applySelection } from './selection.ts';

export async function applySelectionPage(input: PageInput & { executionId: string }): Promise<PageOutput> {
  const page = await applySelection(input.roundId, input.executionId, input.cursor ?? undefined);
  const processed = (input.processed ?? 0) + page.processed;
  const cursor = page.cursor ?? null;
  await setProgress(input.roundId, { step: 'selection', processed, done: cursor === null });
  return { cursor, processed };
}
