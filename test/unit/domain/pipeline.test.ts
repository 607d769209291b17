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
