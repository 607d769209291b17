/** The people CSV of `npm run users -- import` (scripts/users/csv.ts): quoting, BOM, Chinese, bad rows. */
import { describe, expect, it } from 'vitest';
import { checkPerson, parseCsv, readPeople } from '../../../scripts/users/csv.ts';

describe('parseCsv', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const rows = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\nplain,,end\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['plain', '', 'end'] },
    ]);
  });

  it('drops a UTF-8 byte-order mark, reads CRLF and skips blank lines', () => {
    const rows = parseCsv('\uFEFFname,email\r\n\r\n张三,zhang@example.cn\r\n');
    expect(rows).toEqual([
      { line: 1, fields: ['name', 'email'] },
      { line: 3, fields: ['张三', 'zhang@example.cn'] },
    ]);
  });

  it('refuses a quoted field that is never closed, naming its line', () => {
    expect(() => parseCsv('name,email\n"王五,wang@example.cn\n')).toThrow(/line 2/);
  });
});

describe('readPeople', () => {
  const header = 'name,email,expertise,affiliations';

  it('reads Chinese names and ;-separated lists in any column order, with a BOM', () => {
    const rows = readPeople(
      `\uFEFFEmail,Affiliations,Name,Expertise\nLi@Example.CN,org-1;org-2,"李四, 教授",optoelectronics; lasers\n`,
    );
    expect(rows).toEqual([
      {
        line: 2,
        email: 'li@example.cn',
        person: {
          name: '李四, 教授',
          email: 'li@example.cn',
          expertise: ['optoelectronics', 'lasers'],
          affiliations: ['org-1', 'org-2'],
          conflicts: [],
        },
      },
    ]);
  });

  it('reports a row without an e-mail and still reads the rows after it', () => {
    const rows = readPeople(`${header}\n张三,,lasers,\n王五,wang@example.cn,,\n`);
    expect(rows[0]).toMatchObject({ line: 2, error: expect.stringContaining('no email') });
    expect(rows[1]).toMatchObject({ line: 3, person: { name: '王五', expertise: [], affiliations: [] } });
  });

  it('refuses a header without name or email', () => {
    expect(() => readPeople('name,expertise\n张三,lasers\n')).toThrow(/lacks email/);
    expect(() => readPeople('')).toThrow(/empty/);
  });
});

describe('checkPerson: what the registries would refuse is refused before anyone is created', () => {
  const ok = { name: '张三', email: 'z@example.cn' };
  it.each([
    [{ ...ok, email: 'not-an-address' }, /not an email/],
    [{ ...ok, name: ' ' }, /no name/],
    [{ ...ok, name: '名'.repeat(101) }, /over 100/],
    [{ ...ok, expertise: ['Lasers'] }, /not a sector id/],
    [{ ...ok, affiliations: ['org 1'] }, /not an organisation id/],
    [{ ...ok, conflicts: ['a/b'] }, /not an organisation id/],
  ])('%o', (input, reason) => {
    expect(checkPerson(input)).toEqual({ error: expect.stringMatching(reason) });
  });
  it('accepts the boundaries: a 100-character name, 20 sectors', () => {
    const expertise = Array.from({ length: 20 }, (_, i) => `s${i}`);
    expect(checkPerson({ ...ok, name: '名'.repeat(100), expertise })).toHaveProperty('person');
    expect(checkPerson({ ...ok, expertise: [...expertise, 'extra'] })).toEqual({
      error: expect.stringMatching(/more than 20/),
    });
  });
});
