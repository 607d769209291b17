import { describe, expect, it } from 'vitest';
import {
  type Capability,
  canMove,
  cosine,
  loadFactor,
  type Need,
  needProblems,
  needView,
  rankCapabilities,
  rankNeeds,
  terms,
  tfidf,
} from '../../shared/domain/pairing.ts';

const need: Need = {
  id: 'n-1',
  organisationId: 'org-e',
  enterpriseName: '光谷激光科技有限公司',
  title: '高功率光纤激光器散热技术攻关',
  description: '我司需要联合研发高功率光纤激光器的散热方案，提升激光器稳定性。',
  sector: 'optoelectronics',
  serviceTypes: [4],
  budget: { min: 200_000, max: 500_000 },
  period: { start: '2027-01-01', end: '2027-12-31' },
  contactPreference: { channel: 'email', name: '王工', email: 'wang@example.cn' },
  status: 'open',
  version: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

const cap = (id: string, over: Partial<Capability> = {}): Capability => ({
  organisationId: id,
  societyName: `学会 ${id}`,
  summary: '',
  fields: [],
  serviceTypes: [],
  experts: [],
  pastServices: [],
  version: 1,
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...over,
});

describe('terms: Chinese character bigrams without a segmenter', () => {
  it('makes overlapping bigrams of Han runs and keeps Latin words', () => {
    expect(terms('光纤激光')).toEqual(['光纤', '纤激', '激光']);
    expect(terms('光，LED 芯片')).toEqual(['光', 'led', '芯片']);
  });
  it('folds full-width characters (NFKC) and drops one-letter words', () => {
    expect(terms('ＬＥＤ a 5G')).toEqual(['led', '5g']);
  });
  it('empty text has no terms', () => {
    expect(terms('')).toEqual([]);
    expect(terms('，。！')).toEqual([]);
  });
});

describe('TF-IDF cosine', () => {
  it('is 1 for identical texts, 0 for disjoint ones, 0 for an empty one', () => {
    const [a, b, c, d] = tfidf(['激光器散热', '激光器散热', '生物医药', '']);
    expect(cosine(a!, b!).similarity).toBeCloseTo(1, 9);
    expect(cosine(a!, c!).similarity).toBe(0);
    expect(cosine(a!, d!)).toEqual({ similarity: 0, shared: [] });
  });
  it('lists shared terms largest contribution first, ties by term', () => {
    const [a, b] = tfidf(['激光散热', '激光散热器']);
    expect(cosine(a!, b!).shared).toEqual(['光散', '散热', '激光']);
  });
});

describe('load factor', () => {
  it('is 1 up to two active alliances and falls after', () => {
    expect(loadFactor(0)).toBe(1);
    expect(loadFactor(2)).toBe(1);
    expect(loadFactor(3)).toBeCloseTo(0.8);
    expect(loadFactor(6)).toBeCloseTo(0.5);
  });
});

describe('rankCapabilities', () => {
  const opto = cap('s-opto', {
    summary: '光电子学会，长期从事光纤激光器与散热技术研究',
    fields: ['optoelectronics'],
    serviceTypes: [1, 4],
  });
  const bio = cap('s-bio', { summary: '生物医药研究', fields: ['biomedicine'], serviceTypes: [6] });
  const optoNoText = cap('s-opto2', { summary: '材料检测', fields: ['optoelectronics'], serviceTypes: [4] });

  it('ranks the society covering the sector, the service type and the terms first, with reasons', () => {
    const [first, second, third] = rankCapabilities(need, [bio, optoNoText, opto]);
    expect(first!.id).toBe('s-opto');
    expect(first!.reasons.fields).toEqual(['optoelectronics']);
    expect(first!.reasons.serviceTypes).toEqual([4]);
    expect(first!.reasons.terms).toContain('激光');
    expect(second!.id).toBe('s-opto2');
    expect(third!.id).toBe('s-bio');
    expect(third!.score).toBe(0);
  });

  it('shared Chinese terms alone lift a society above an otherwise equal one', () => {
    const a = cap('s-a', { summary: '光纤激光器散热', fields: ['x'], serviceTypes: [7] });
    const b = cap('s-b', { summary: '农业机械推广', fields: ['x'], serviceTypes: [7] });
    const ranked = rankCapabilities(need, [a, b]);
    expect(ranked.map((m) => m.id)).toEqual(['s-a', 's-b']);
    expect(ranked[0]!.parts.text).toBeGreaterThan(0);
    expect(ranked[1]!.parts.text).toBe(0);
  });

  it('is deterministic: input order does not matter; equal scores go to the smaller id', () => {
    const x = cap('s-x', { fields: ['optoelectronics'] });
    const y = cap('s-y', { fields: ['optoelectronics'] });
    expect(rankCapabilities(need, [y, x]).map((m) => m.id)).toEqual(['s-x', 's-y']);
    expect(rankCapabilities(need, [x, y])).toEqual(rankCapabilities(need, [y, x]));
  });

  it('down-weights a society in many active alliances', () => {
    const busy = rankCapabilities(need, [opto, optoNoText], new Map([['s-opto', 6]]));
    const free = rankCapabilities(need, [opto, optoNoText]);
    const b = busy.find((m) => m.id === 's-opto')!;
    expect(b.reasons.load).toBe(0.5);
    expect(b.score).toBeCloseTo(free[0]!.score / 2, 5);
    expect(busy[0]!.id).toBe('s-opto2');
  });

  it('service share is the part of what the need asks that is offered', () => {
    const n = { ...need, serviceTypes: [1, 4] };
    const [m] = rankCapabilities(n, [cap('s', { serviceTypes: [4, 6] })]);
    expect(m!.parts.services).toBe(0.5);
    expect(m!.reasons.serviceTypes).toEqual([4]);
  });
});

describe('rankNeeds', () => {
  it('only open needs, best first', () => {
    const other: Need = { ...need, id: 'n-2', title: '土壤修复', description: '农田重金属', sector: 'agri' };
    const closed: Need = { ...need, id: 'n-3', status: 'closed' };
    const c = cap('s', { summary: '激光器散热', fields: ['optoelectronics'], serviceTypes: [4] });
    expect(rankNeeds(c, [other, closed, need]).map((m) => m.id)).toEqual(['n-1', 'n-2']);
  });
});

describe('need rules', () => {
  it('budget and period boundaries: equal is fine, inverted is not', () => {
    expect(needProblems({ ...need, budget: { min: 5, max: 5 }, period: { start: 'a', end: 'a' } })).toEqual(
      [],
    );
    expect(needProblems({ ...need, budget: { min: 6, max: 5 } })).toEqual(['budget-range']);
    expect(needProblems({ ...need, period: { start: '2027-02-01', end: '2027-01-31' } })).toEqual([
      'period-order',
    ]);
    expect(needProblems({ ...need, serviceTypes: [] })).toEqual(['service-types']);
    expect(needProblems({ ...need, serviceTypes: [8] })).toEqual(['service-types']);
    expect(needProblems({ ...need, serviceTypes: [1, 7] })).toEqual([]);
  });
  it('status moves', () => {
    expect(canMove('open', 'matched')).toBe(true);
    expect(canMove('matched', 'closed')).toBe(true);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('matched', 'open')).toBe(false);
  });
  it('hides the contact from others', () => {
    expect(needView(need, false).contactPreference).toEqual({ channel: 'email' });
    expect(needView(need, true).contactPreference.email).toBe('wang@example.cn');
  });
});
