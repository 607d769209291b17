import { describe, expect, it } from 'vitest';
import { executionNameForRound, pipelineStages, stagesBefore } from '../../../shared/domain/pipeline.ts';

describe('pipeline stages only move forward', () => {
  it('a stage may be entered only from the stages before it', () => {
    expect(stagesBefore('starting')).toEqual([]);
    expect(stagesBefore('screening')).toEqual(['starting', 'closing-applications']);
    expect(stagesBefore('screening')).not.toContain('screening');
    expect(stagesBefore('review')).not.toContain('public-notice');
  });
  it('failed may be entered from any stage but itself', () => {
    expect(stagesBefore('failed')).toEqual(pipelineStages.filter((s) => s !== 'failed'));
  });
  it('execution names are deterministic and within Step Functions’ 80 characters for the longest id', () => {
    expect(executionNameForRound('r1')).toBe('round-r1');
    expect(executionNameForRound('x'.repeat(64)).length).toBeLessThanOrEqual(80);
  });
});

describe('what a person reads of a failure, and the names of retried runs', () => {
  it('keeps a Lambda error message and drops its trace', async () => {
    const { failureSummary } = await import('../../../shared/domain/pipeline.ts');
    const cause = JSON.stringify({
      errorType: 'E',
      errorMessage: 'first line\nsecond',
      trace: ['at x (y.mjs:1:1)'],
    });
    expect(failureSummary('E', cause)).toEqual({ error: 'E', message: 'first line' });
    expect(failureSummary('States.Timeout', 'task timed out')).toEqual({
      error: 'States.Timeout',
      message: 'task timed out',
    });
    expect(failureSummary('E', 'x'.repeat(400)).message).toHaveLength(300);
  });
  it('names the first run round-<id> and the n-th round-<id>-<n>', async () => {
    const { executionNameForAttempt } = await import('../../../shared/domain/pipeline.ts');
    expect(executionNameForAttempt('r1', 1)).toBe('round-r1');
    expect(executionNameForAttempt('r1', 3)).toBe('round-r1-3');
  });
});

describe('which step failed', () => {
  it('reads the action the pipeline Lambda names in its error message', async () => {
    const { failedAction, stageOfAction } = await import('../../../shared/domain/pipeline.ts');
    const cause = JSON.stringify({ errorType: 'TypeError', errorMessage: '[publishNotice] x is undefined' });
    expect(failedAction(cause)).toBe('publishNotice');
    expect(stageOfAction('publishNotice')).toBe('public-notice');
    expect(failedAction('[designateBatch] boom')).toBe('designateBatch');
    expect(stageOfAction('designateBatch')).toBe('designation');
    expect(stageOfAction('applySelection')).toBe('selection');
    expect(failedAction('[openGate] boom')).toBeUndefined();
    expect(failedAction('[lunch] boom')).toBeUndefined();
    expect(failedAction('States.Timeout')).toBeUndefined();
  });
});
