import { describe, expect, it } from 'vitest';
import { buildAgreement, enterpriseShare, fill, type Party } from '../../shared/domain/agreement.ts';
import type { AllianceRecord } from '../../shared/domain/model/alliance.ts';
import { AGREEMENT_TEMPLATE } from '../../shared/usecases/agreement.ts';

const alliance: AllianceRecord = {
  id: 'a-1',
  roundId: 'r-1',
  name: '激光散热联盟',
  status: 'draft',
  version: 3,
  createdBy: 'e-1',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  goals: '突破散热瓶颈',
  period: { start: '2027-01-01', end: '2027-12-31' },
  tasks: [{ title: '散热攻关' }],
  expertTeam: [{ name: '李教授', title: '教授', field: '激光', organisationId: 's-1' }],
  budgetLines: [
    { id: 'eq', category: '设备费', amount: 300_000, enterpriseFunds: 200_000, programmeFunds: 100_000 },
    { id: 'ex', category: '专家咨询费', amount: 100_000, enterpriseFunds: 0, programmeFunds: 100_000 },
  ],
};
const parties: Party[] = [
  {
    organisationId: 'e-1',
    kind: 'enterprise',
    name: '光谷公司',
    state: 'confirmed',
    uscc: '91420100AAAAAAAAA1',
  },
  {
    organisationId: 's-1',
    kind: 'society',
    name: '光学学会',
    state: 'confirmed',
    uscc: '51420100BBBBBBBBB2',
  },
  { organisationId: 's-2', kind: 'society', name: '退出学会', state: 'declined' },
];

describe('agreement draft', () => {
  it('fills placeholders; missing ones read 待填写', () => {
    expect(fill('{{a}} 与 {{ b }}', { a: '甲' })).toBe('甲 与 （待填写）');
  });
  it('enterprise share at the boundary: exactly half is 50.0%; no budget is —', () => {
    expect(enterpriseShare([{ amount: 2, enterpriseFunds: 1 }])).toBe('50.0%');
    expect(enterpriseShare([])).toBe('—');
  });
  it('builds parties with USCC, budget lines with totals, period, experts, signatures and the template version', () => {
    const doc = buildAgreement(AGREEMENT_TEMPLATE, alliance, parties, '2026-12-04T00:00:00.000Z');
    const all = JSON.stringify(doc.parts);
    expect(doc.templateVersion).toBe(AGREEMENT_TEMPLATE.version);
    expect(all).toContain('91420100AAAAAAAAA1');
    expect(all).toContain('51420100BBBBBBBBB2');
    expect(all).not.toContain('退出学会');
    expect(all).toContain('¥400,000');
    expect(all).toContain('50.0%'); // 200,000 of 400,000
    expect(all).toContain('2027-01-01');
    expect(all).toContain('李教授');
    expect(all).toContain(`agreement-zh@${AGREEMENT_TEMPLATE.version}`);
    expect(all).toContain('（待填写）'); // guarantee measures and rights sharing are not written yet
    const signatures = doc.parts.at(-2);
    expect(signatures).toMatchObject({ kind: 'table' });
  });
});
