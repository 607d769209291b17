import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../../shared/http/auth.ts';

describe('parseGroups', () => {
  it('reads the "[a b]" string API Gateway makes of an array claim', () => {
    expect(parseGroups('[admin reviewer]')).toEqual(['admin', 'reviewer']);
  });
  it('reads a real array and a comma-separated string', () => {
    expect(parseGroups(['applicant'])).toEqual(['applicant']);
    expect(parseGroups('inspector, admin')).toEqual(['inspector', 'admin']);
  });
  it('drops unknown groups and duplicates, and is empty when absent', () => {
    expect(parseGroups('[superuser admin admin]')).toEqual(['admin']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups('[]')).toEqual([]);
  });
});
