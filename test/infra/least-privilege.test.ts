/**
 * Least privilege per function (issue #11): every function's role grants exactly the DynamoDB
 * actions its code sends and the S3 actions on the key prefixes it uses, written out below by hand,
 * one row per function, each write action with the reason it is there. The local stack enforces
 * the same synthesized statements on every call (local/iam.ts), so the integration suite proves
 * the rows are sufficient; this test proves they are not larger, and that a new function cannot
 * appear without a row.
 *
 * Notation (what the role's statements resolve to): `table` is the data stack's table,
 * `table/index/gsi1` one of its GSIs, `documents/…` and `notices/…` object ARNs of the buckets,
 * `[pk=X]` a statement limited to partition X (dynamodb:LeadingKeys).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_ACTIONS, TABLE_WRITE_ACTIONS } from '../../infra/constructs/bindings.ts';
import { routes } from '../../shared/api/routes.ts';
import {
  asArray,
  type Json,
  resourcesOfType,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './helpers.ts';

interface Expected {
  /** Actions on the table's items (`dynamodb:` left out). */
  table: string[];
  /** Only the items of these partitions (dynamodb:LeadingKeys), when the grant is limited. */
  partitions?: string[];
  /** GSIs it may query. */
  indexes: string[];
  /** Get/Put/Update/Delete of its own idempotency records (pk IDEMPOTENCY) only. */
  idempotency: boolean;
  /** `<action> <bucket>[/<prefix>*]`. */
  s3: string[];
  /** Reads the table's stream (an event source mapping). */
  stream?: boolean;
}

const STREAM_ARN = '{"Fn::ImportValue":"Esip-Data:ExportsOutputFnGetAttTableCD117FA1StreamArnB270E65B"}';

const NOTICE_WRITER = [
  's3:ListBucket notices', // a missing notice is NoSuchKey (404), which syncNotice expects
  's3:GetObject notices/rounds/*',
  's3:PutObject notices/rounds/*', // the notice and its kept revisions
];

/** One row per function (functions/<name>/handler.ts). */
const expected: Record<string, Expected> = {
  system: {
    table: ['GetItem'], // the health probe
    partitions: ['HEALTH'],
    indexes: [],
    idempotency: false, // GET routes only
    s3: ['s3:ListBucket documents'], // HeadBucket (health)
  },
  public: {
    table: [
      'GetItem',
      'PutItem', // the objection and its audit record
      'UpdateItem', // the round's open-objections tally
    ],
    indexes: [],
    idempotency: true,
    s3: ['s3:ListBucket notices', 's3:GetObject notices/rounds/*'],
  },
  rounds: {
    table: [
      'GetItem',
      'BatchGetItem', // objections dismissed by id, in one read
      'Query',
      'PutItem', // rounds, screening decisions, reviewers, 递补, audit records
      'UpdateItem', // round changes, tallies, gates, objections resolved, selection approval
    ],
    indexes: ['gsi1'],
    idempotency: true,
    s3: NOTICE_WRITER, // an upheld objection and a 递补 re-render the notice
  },
  organisations: {
    table: [
      'GetItem',
      'PutItem', // the profile, the user link, the USCC claim
      'DeleteItem', // a changed USCC releases the old code's claim
    ],
    indexes: [],
    idempotency: true,
    s3: [],
  },
  alliances: {
    table: [
      'GetItem',
      'BatchGetItem', // member profiles (submission); the access check: alliance and USER# link
      'Query',
      'ConditionCheckItem', // reverification flags an entry only while its receipt's claim holds
      'PutItem', // drafts, members, document tickets, audit records
      'UpdateItem', // status changes, membership, verdicts of reverification, ledger flags
    ],
    indexes: ['gsi1', 'gsi2'],
    idempotency: true,
    s3: [
      's3:ListBucket documents',
      's3:GetObject documents/alliances/*', // reverification of a document without an evidence copy
      's3:GetObjectVersion documents/alliances/*', // … of the version it was verified as
      's3:GetObject documents/evidence/*', // reverification reads the evidence copy
      's3:GetObjectVersion documents/evidence/*',
      's3:PutObject documents/alliances/*', // signs the presigned POSTs of uploads
      ...NOTICE_WRITER, // a withdrawal takes the alliance off the notice
    ],
  },
  reviews: {
    table: [
      'GetItem',
      'BatchGetItem', // an assignment's items in one read; a reviewer's list (reviews, alliance names)
      'Query',
      'ConditionCheckItem', // an assignment still active; a review's presence as read
      'PutItem', // reviews, replacement assignments, audit records
      'UpdateItem', // the review tally, replaced assignments, the review gate
    ],
    indexes: ['gsi1'],
    idempotency: true,
    s3: [
      's3:GetObject documents/evidence/*', // signs download links of assigned alliances' verified documents
      's3:GetObjectVersion documents/evidence/*', // … of the version verified
    ],
  },
  implementation: {
    table: [
      'GetItem',
      'BatchGetItem', // the access check: the alliance with the caller's USER# link
      'Query',
      'PutItem', // plan versions, audit records
      'UpdateItem', // the plan head, closure
    ],
    indexes: [],
    idempotency: true,
    s3: [], // uploads are signed by the alliances function
  },
  ledger: {
    table: [
      'GetItem',
      'BatchGetItem', // the access check: the alliance with the caller's USER# link
      'Query',
      'ConditionCheckItem', // the receipt verified with the pinned SHA-256; its claim unchanged
      'PutItem', // entries, receipt claims, reallocations, audit records
      'UpdateItem', // the award's spent/refunded totals, reversed entries, flags resolved
      'DeleteItem', // a reversal releases its receipt's claim
    ],
    indexes: [],
    idempotency: true,
    s3: [],
  },
  reports: {
    table: [
      'GetItem',
      'BatchGetItem', // the access check: the alliance with the caller's USER# link
      'Query',
      'PutItem', // notifications, audit records
      'UpdateItem', // report deadlines (submitted, accepted, returned), notifications read
    ],
    indexes: ['gsi1'],
    idempotency: true,
    s3: [],
  },
  pairing: {
    table: [
      'GetItem',
      'BatchGetItem', // the access check of the draft alliance it creates (alliance and USER# link)
      'Query', // open needs, capabilities, interests, memberships (load factor), the draft's members
      'PutItem', // needs, capabilities, interests, the draft and its members, notifications, audit records
      'UpdateItem', // an interest's answer, the draft's version bump
    ],
    indexes: ['gsi1', 'gsi2'],
    idempotency: true,
    s3: [],
  },
  inspections: {
    table: [
      'GetItem',
      'BatchGetItem', // the access check: the alliance with the caller's USER# link
      'Query',
      'PutItem', // inspectors, draws, inspections, assignments, follow-up deadlines, audit records
      'UpdateItem', // findings and ratings
    ],
    indexes: ['gsi1', 'gsi2'],
    idempotency: true,
    s3: [],
  },
  pipeline: {
    table: [
      'GetItem',
      'BatchGetItem', // member profiles (screening)
      'Query',
      'ConditionCheckItem', // each selection-row transaction: the header still this run's
      'PutItem', // screening findings, assignments, selection rows, gates, steps, audit records
      'UpdateItem', // pipeline status, tallies, alliances' status, awards, the notice
    ],
    indexes: ['gsi1'],
    idempotency: false,
    s3: NOTICE_WRITER, // publishes the notice
  },
  notifier: {
    table: [
      'GetItem',
      'BatchGetItem', // the recipient's people: their USER# links and preferences
      'Query',
      'PutItem', // a skipped delivery (opted out, no address)
      'UpdateItem', // claiming a delivery and recording its outcome
    ],
    indexes: ['gsi1'], // the users acting for an organisation
    idempotency: false,
    s3: [],
    stream: true, // its event source: the table's stream (inserted notifications)
  },
  'pipeline-starter': {
    table: ['PutItem'], // the pipeline's status item, if the round has none yet
    indexes: [],
    idempotency: false,
    s3: [],
  },
  'deadline-sweep': {
    table: [
      'GetItem',
      'Query',
      'PutItem', // the day's run claim, reminders and escalations (notifications)
      'UpdateItem', // deadlines due or overdue
    ],
    indexes: ['gsi1'],
    idempotency: false,
    s3: [],
  },
  'inspection-draw': {
    table: [
      'GetItem',
      'Query',
      'PutItem', // the run's claim, the draw, its inspections and assignments (new items only)
    ],
    indexes: ['gsi1', 'gsi2'],
    idempotency: false,
    s3: [],
  },
  'document-verifier': {
    table: [
      'GetItem',
      'PutItem', // the verdict's audit record
      'UpdateItem', // the verdict on the document
    ],
    indexes: [],
    idempotency: false,
    s3: [
      's3:ListBucket documents', // an object gone before it was read is NoSuchKey, not 403
      's3:GetObject documents/alliances/*',
      's3:GetObjectVersion documents/alliances/*', // the version the event names
      's3:GetObject documents/evidence/*', // a retried verification reads back what it kept
      's3:GetObjectVersion documents/evidence/*',
      's3:PutObject documents/evidence/*', // the verified bytes; no one else writes there
    ],
  },
  authorizer: { table: [], indexes: [], idempotency: false, s3: [] },
};

/** `Esip-Data:ExportsOutputFnGetAttTableCD117FA1Arn…` → `table` (documents, notices). */
function render(value: Json): string {
  if (typeof value === 'string') return value;
  if (value?.['Fn::ImportValue']) {
    const name = /FnGetAtt(\w+?)[0-9A-F]{8}Arn/.exec(value['Fn::ImportValue'])?.[1];
    return (
      ({ Table: 'table', DocumentsBucket: 'documents', NoticesBucket: 'notices' } as Record<string, string>)[
        name ?? ''
      ] ?? JSON.stringify(value)
    );
  }
  if (value?.['Fn::Join']) return (value['Fn::Join'][1] as Json[]).map(render).join(value['Fn::Join'][0]);
  return JSON.stringify(value);
}

interface Grant {
  action: string;
  resource: string;
}

let s: Synthesized;
/** Function name (its folder) → its role's DynamoDB and S3 grants, as `action resource[ [pk=…]]`. */
let grants: Record<string, Grant[]>;
let allActions: Record<string, string[]>;

beforeAll(() => {
  s = synthesize({ bundle: false });
  grants = {};
  allActions = {};
  for (const [, fn] of Object.entries(resourcesOfType(s.appTemplate, 'AWS::Lambda::Function'))) {
    const entry = fn.Metadata?.['esip:entry'] as string | undefined;
    if (!entry) continue; // CDK's own providers
    const name = /^functions\/([^/]+)\/handler\.ts$/.exec(entry)![1]!;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    const statements = statementsOfRole(s.appTemplate, roleId).filter((st) => st.Effect === 'Allow');
    allActions[name] = statements.flatMap((st) => asArray(st.Action));
    grants[name] = statements.flatMap((st) => {
      const actions = asArray(st.Action).filter((a) => /^(dynamodb|s3):/.test(a));
      if (!actions.length) return [];
      const condition = st.Condition as Json;
      const keys = condition?.['ForAllValues:StringEquals']?.['dynamodb:LeadingKeys'] as string[] | undefined;
      if (condition && (!keys || Object.keys(condition).length !== 1))
        throw new Error(`${name}: unexpected condition ${JSON.stringify(condition)}`);
      const suffix = keys ? ` [pk=${keys.join(',')}]` : '';
      return actions.flatMap((action) =>
        asArray(st.Resource).map((r) => ({ action, resource: `${render(r)}${suffix}` })),
      );
    });
  }
});
afterAll(() => s?.cleanup());

const sorted = (list: string[]) => [...new Set(list)].sort();
const dynamodbOf = (list: Grant[]) =>
  sorted(list.filter((g) => g.action.startsWith('dynamodb:')).map((g) => `${g.action} ${g.resource}`));
const s3Of = (list: Grant[]) =>
  sorted(list.filter((g) => g.action.startsWith('s3:')).map((g) => `${g.action} ${g.resource}`));

function expectedDynamodb(row: Expected): string[] {
  const only = row.partitions ? ` [pk=${row.partitions.join(',')}]` : '';
  return sorted([
    ...row.table.map((a) => `dynamodb:${a} table${only}`),
    ...row.indexes.map((i) => `dynamodb:Query table/index/${i}`),
    ...(row.idempotency ? IDEMPOTENCY_ACTIONS.map((a) => `dynamodb:${a} table [pk=IDEMPOTENCY]`) : []),
    ...(row.stream
      ? [
          ...['DescribeStream', 'GetRecords', 'GetShardIterator'].map((a) => `dynamodb:${a} ${STREAM_ARN}`),
          'dynamodb:ListStreams *', // no resource-level permissions
        ]
      : []),
  ]);
}

describe('least privilege per function', () => {
  it('every function of the template has a row, and every row a function', () => {
    expect(Object.keys(grants).sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.entries(expected))('%s', (name, row) => {
    it('DynamoDB: exactly the actions, indexes and partitions of its row', () => {
      expect(dynamodbOf(grants[name]!)).toEqual(expectedDynamodb(row));
    });

    it('S3: exactly the actions and key prefixes of its row', () => {
      expect(s3Of(grants[name]!)).toEqual(sorted(row.s3));
    });
  });

  it('no function may Scan, and no action is a wildcard', () => {
    for (const [name, actions] of Object.entries(allActions)) {
      expect(actions, name).not.toContain('dynamodb:Scan');
      for (const action of actions) expect(action, name).not.toMatch(/\*/);
    }
  });

  it('only the functions that change data have a write action; DeleteItem only where something is deleted', () => {
    const writesOf = (name: string) =>
      grants[name]!.filter(
        (g) =>
          TABLE_WRITE_ACTIONS.some((a) => g.action === `dynamodb:${a}`) &&
          !g.resource.endsWith('[pk=IDEMPOTENCY]'),
      ).map((g) => g.action);
    const readOnly = Object.keys(grants).filter((name) => writesOf(name).length === 0);
    expect(readOnly.sort()).toEqual(['authorizer', 'system']);
    // The public function's only writes: the objection (and its idempotency records).
    expect(sorted(writesOf('public'))).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    const deleters = Object.keys(grants).filter((name) => writesOf(name).includes('dynamodb:DeleteItem'));
    expect(deleters.sort()).toEqual(['ledger', 'organisations']);
    expect(
      Object.values(grants)
        .flat()
        .map((g) => g.action),
    ).not.toContain('dynamodb:BatchWriteItem');
  });

  it('the idempotency grant is on the functions that serve mutations, limited to pk IDEMPOTENCY', () => {
    const mutating = sorted(routes.filter((r) => r.method !== 'GET').map((r) => r.fn));
    const withStore = Object.keys(grants).filter((name) =>
      grants[name]!.some((g) => g.resource === 'table [pk=IDEMPOTENCY]'),
    );
    expect(sorted(withStore)).toEqual(mutating);
  });

  it('only the verifier may write evidence/; nothing may delete an object', () => {
    const evidenceWriters = Object.keys(grants).filter((name) =>
      grants[name]!.some((g) => g.action === 's3:PutObject' && g.resource.startsWith('documents/evidence/')),
    );
    expect(evidenceWriters).toEqual(['document-verifier']);
    for (const [name, actions] of Object.entries(allActions)) {
      expect(
        actions.filter((a) => /^s3:Delete/.test(a)),
        name,
      ).toEqual([]);
    }
  });
});
