/**
 * Shared fixtures for the round pipeline's pure algorithms (assignment, scoring, selection): a
 * rubric and priority settings shaped like a round's, and small builders.
 */
import type { Round } from '../../../shared/domain/model/round.ts';
import type { Review } from '../../../shared/domain/scoring.ts';

/** Weights in percent (sum 100); max is the highest whole score per criterion. */
export const rubric: Round['rubric'] = [
  { id: 'innovation', name: '创新性', weight: 40, max: 10 },
  { id: 'feasibility', name: '可行性', weight: 35, max: 10 },
  { id: 'benefit', name: '预期效益', weight: 25, max: 5 },
];

export const scoringRound: Pick<Round, 'rubric' | 'prioritySectors' | 'bonuses'> = {
  rubric,
  prioritySectors: [
    { id: 'optoelectronics', name: '光电子信息', bonus: 3 },
    { id: 'biomedicine', name: '生物医药与健康', bonus: 2 },
    { id: 'new-materials', name: '新材料', bonus: 2 },
  ],
  bonuses: { multipleEnterprisesAndSocieties: 1.5, crossSector: 1 },
};

/** A review with the same whole score s on every criterion (benefit capped at its max of 5). */
export const uniformReview = (reviewerId: string, allianceId: string, s: number): Review => ({
  reviewerId,
  allianceId,
  scores: { innovation: s, feasibility: s, benefit: Math.min(s, 5) },
});

/** A single-criterion rubric (0–100 points, weight 100): raw score = the points given. */
export const plainRubric: Round['rubric'] = [{ id: 'overall', name: '总体评价', weight: 100, max: 100 }];
export const plain = (reviewerId: string, allianceId: string, points: number): Review => ({
  reviewerId,
  allianceId,
  scores: { overall: points },
});
