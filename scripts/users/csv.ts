/**
 * The people CSV of `npm run users -- import` (scripts/users.ts): header `name,email,expertise,affiliations`
 * (any order, case-insensitive; `conflicts` optional), expertise, affiliations and conflicts
 * `;`-separated. Read as a spreadsheet saves it: RFC 4180 quoting (a field in double quotes may
 * hold commas, line breaks and "" for a quote), CRLF or LF, a UTF-8 byte-order mark (Excel's
 * "CSV UTF-8") ignored, blank lines skipped. Each row is checked before anything is created, so a
 * bad row is reported with its line and never leaves a half-registered person behind.
 */

/** The rows of a CSV text, each a list of fields (quotes removed), with the line each row starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let touched = false; // the row has content (a blank line is no row)
  const endRow = () => {
    fields.push(field);
    if (touched || fields.length > 1 || field !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      touched = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) throw new Error(`line ${rowLine}: a quoted field is not closed`);
  endRow();
  return rows;
}

export interface Person {
  name: string;
  email: string;
  expertise: string[];
  affiliations: string[];
  conflicts: string[];
}

export type PersonRow = { line: number; email?: string } & (
  | { person: Person; error?: undefined }
  | { person?: undefined; error: string }
);

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const SECTOR = /^[a-z][a-z0-9-]{0,47}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** Checks one person as the API will (reviewer/inspector registry), so nothing is half-created. */
export function checkPerson(input: {
  name?: string | undefined;
  email?: string | undefined;
  expertise?: string[];
  affiliations?: string[];
  conflicts?: string[];
}): { person: Person } | { error: string } {
  const name = (input.name ?? '').trim();
  const email = (input.email ?? '').trim().toLowerCase();
  const expertise = input.expertise ?? [];
  const affiliations = input.affiliations ?? [];
  const conflicts = input.conflicts ?? [];
  if (!email) return { error: 'no email / 缺少邮箱' };
  if (!EMAIL.test(email)) return { error: `not an email address: ${email} / 邮箱格式不正确` };
  if (!name) return { error: 'no name / 缺少姓名' };
  if (name.length > 100) return { error: 'name over 100 characters / 姓名超过 100 个字符' };
  const badSector = expertise.find((s) => !SECTOR.test(s));
  if (badSector) {
    return {
      error: `expertise "${badSector}" is not a sector id (e.g. optoelectronics) / 专业领域须为领域代码`,
    };
  }
  if (expertise.length > 20) return { error: 'more than 20 expertise entries / 专业领域超过 20 项' };
  const badId = [...affiliations, ...conflicts].find((s) => !ID.test(s));
  if (badId) return { error: `"${badId}" is not an organisation id / 单位须为机构编号` };
  if (affiliations.length > 20) return { error: 'more than 20 affiliations / 工作单位超过 20 个' };
  return { person: { name, email, expertise, affiliations, conflicts } };
}

/** The people of a CSV text, one entry per data row: the person, or why the row cannot be used. */
export function readPeople(text: string): PersonRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('the file is empty: it needs the header name,email,expertise,affiliations');
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const missing = ['name', 'email'].filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new Error(
      `line ${header.line}: the header lacks ${missing.join(', ')} (expected name,email,expertise,affiliations)`,
    );
  }
  return rows.map(({ line, fields }) => {
    const cell = (column: string) => {
      const index = columns.indexOf(column);
      return index < 0 ? undefined : fields[index]?.trim();
    };
    const email = cell('email')?.toLowerCase();
    const checked = checkPerson({
      name: cell('name'),
      email,
      expertise: list(cell('expertise')),
      affiliations: list(cell('affiliations')),
      conflicts: list(cell('conflicts')),
    });
    return {
      line,
      ...(email ? { email } : {}),
      ...('person' in checked ? { person: checked.person } : { error: checked.error }),
    };
  });
}
