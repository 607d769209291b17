/**
 * `npm run users` over the local stack, run as an operator runs it (the CLI in a child process):
 * a reviewer CSV becomes users of the staff pool's reviewer group (local Cognito API,
 * local/cognito-api.ts), each registered on the round with its sub; a re-run changes nothing; the
 * imported reviewers sign in (POST /local/token by e-mail) and see their assignments once the
 * round reaches its review gate.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../local/stack.ts';
import { api, apiUrl, handlerEnv, tokenFor, uid } from './client.ts';
import { closeAndScreen, openRoundWith, submittedAlliance, twoEnterprisesTwoSocieties } from './fixtures.ts';

const run = promisify(execFile);

/** The CLI with the environment an operator on AWS would set (pool ids, API URL), aimed at the local stack. */
async function users(...args: string[]): Promise<{ code: number; out: any; stderr: string }> {
  const env = {
    ...process.env,
    ...handlerEnv, // AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, ESIP_STAFF_POOL_ID, …, credentials
    ESIP_API_URL: apiUrl,
    ESIP_DATA_DIR: mkdtempSync(join(tmpdir(), 'esip-users-')), // no state file: nothing found by chance
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/users.ts', ...args, '--json'],
      {
        cwd: PROJECT_ROOT,
        env,
      },
    );
    return { code: 0, out: JSON.parse(stdout), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout ? JSON.parse(e.stdout) : undefined, stderr: e.stderr };
  }
}

const cognito = new CognitoIdentityProviderClient({
  endpoint: handlerEnv.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const staffPool = handlerEnv.ESIP_STAFF_POOL_ID!;
afterAll(() => cognito.destroy());

async function usersWithEmail(email: string) {
  return (
    (await cognito.send(new ListUsersCommand({ UserPoolId: staffPool, Filter: `email = "${email}"` })))
      .Users ?? []
  );
}

describe('npm run users -- import: reviewers from a CSV', () => {
  it('creates each reviewer once, registers it on the round, and lets it sign in and see its assignments', async () => {
    const admin = await tokenFor(['admin']);
    const roundId = await openRoundWith(admin, { reviewersPerAlliance: 3 });
    const [e1, e2, s1, s2] = await twoEnterprisesTwoSocieties();
    const a = await submittedAlliance(roundId, e1, s1, '光电联盟', 200_000);
    const b = await submittedAlliance(roundId, e2, s2, '激光联盟', 150_000);

    const tag = uid('csv').toLowerCase();
    const emails = [`zhang-${tag}@example.cn`, `li-${tag}@example.cn`, `wang-${tag}@example.cn`];
    const file = join(mkdtempSync(join(tmpdir(), 'esip-csv-')), 'reviewers.csv');
    writeFileSync(
      file,
      '\uFEFFname,email,expertise,affiliations\r\n' +
        `张三,${emails[0]},optoelectronics;lasers,\r\n` +
        `"李四, 教授",${emails[1]},lasers,org-hust\r\n` +
        '赵六,,optoelectronics,\r\n' + // no e-mail: reported, the others still imported
        `王五,${emails[2]},,org-whu;org-cas\r\n`,
    );

    const first = await users('import', file, '--round', roundId);
    expect(first.code, first.stderr).toBe(1); // one row failed
    const outcomes = first.out.outcomes as any[];
    expect(outcomes.map((o) => [o.line, o.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'failed'],
      [5, 'created'],
    ]);
    expect(outcomes[2].reason).toMatch(/no email/);
    const subs = outcomes.filter((o) => o.status === 'created').map((o) => o.sub as string);
    expect(new Set(subs).size).toBe(3);

    // In the staff pool's reviewer group, each with the sub the import reported.
    for (const [i, email] of emails.entries()) {
      const [user, ...more] = await usersWithEmail(email);
      expect(more).toHaveLength(0);
      expect(user!.Attributes?.find((x) => x.Name === 'sub')?.Value).toBe(subs[i]);
      const groups = await cognito.send(
        new AdminListGroupsForUserCommand({ UserPoolId: staffPool, Username: email }),
      );
      expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['reviewer']);
    }

    // Registered on the round under their subs, with what the CSV said.
    const committee = await api('GET', `/v1/rounds/${roundId}/reviewers`, { token: admin });
    expect(committee.status).toBe(200);
    const bySub = new Map(committee.body.items.map((r: any) => [r.reviewerId, r]));
    expect(bySub.get(subs[0])).toMatchObject({ name: '张三', expertise: ['optoelectronics', 'lasers'] });
    expect(bySub.get(subs[1])).toMatchObject({ name: '李四, 教授', affiliations: ['org-hust'] });
    expect(bySub.get(subs[2])).toMatchObject({ name: '王五', affiliations: ['org-whu', 'org-cas'] });

    // A re-run: everyone already existed, nobody duplicated, the registrations unchanged.
    const again = await users('import', file, '--round', roundId);
    expect(again.out.outcomes.map((o: any) => o.status)).toEqual([
      'already existed',
      'already existed',
      'failed',
      'already existed',
    ]);
    expect(again.out.outcomes.filter((o: any) => o.sub).map((o: any) => o.sub)).toEqual(subs);
    expect(again.out.outcomes.filter((o: any) => o.sub).map((o: any) => o.registration)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    for (const email of emails) expect(await usersWithEmail(email)).toHaveLength(1);
    const committeeAgain = await api('GET', `/v1/rounds/${roundId}/reviewers`, { token: admin });
    expect(committeeAgain.body.items).toHaveLength(3);

    // Listed with their ids and role.
    const listed = await users('list', '--role', 'reviewer');
    expect(listed.code, listed.stderr).toBe(0);
    const mine = listed.out.users.filter((u: any) => emails.includes(u.email));
    expect(mine.map((u: any) => [u.email, u.sub, u.roles, u.status])).toEqual(
      [...emails]
        .map((email, i) => [email, subs[i], ['reviewer'], 'FORCE_CHANGE_PASSWORD'])
        .sort((x, y) => (x[0] as string).localeCompare(y[0] as string)),
    );

    // The round reaches its review gate: 3 reviewers per alliance, so each imported reviewer gets both.
    await closeAndScreen(admin, roundId, [a, b]);
    const signIn = await fetch(`${apiUrl}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: emails[0] }),
    });
    expect(signIn.status).toBe(200);
    const session = (await signIn.json()) as { token: string; sub: string; roles: string[] };
    expect(session).toMatchObject({ sub: subs[0], roles: ['reviewer'], pool: 'staff' });
    const assignments = await api('GET', '/v1/reviews/assignments', { token: session.token });
    expect(assignments.status, assignments.text).toBe(200);
    expect(
      assignments.body.items
        .filter((x: any) => x.roundId === roundId)
        .map((x: any) => x.allianceId)
        .sort(),
    ).toEqual([a, b].sort());
    // A first sign-in confirms the account (it set its password, on AWS).
    const after = await users('list', '--role', 'reviewer');
    expect(after.out.users.find((u: any) => u.email === emails[0]).status).toBe('CONFIRMED');
  });

  it('invites an inspector into the staff pool and the inspectors registry; the applicant pool is another directory', async () => {
    const email = `${uid('insp').toLowerCase()}@example.cn`;
    const invited = await users(
      'invite',
      '--role',
      'inspector',
      '--email',
      email,
      '--name',
      '钱七',
      '--affiliations',
      'org-wust',
    );
    expect(invited.code, invited.stderr).toBe(0);
    const [outcome] = invited.out.outcomes;
    expect(outcome).toMatchObject({ email, status: 'created', registration: 'registered' });
    const admin = await tokenFor(['admin']);
    const registry = await api('GET', '/v1/inspectors', { token: admin });
    expect(registry.body.items.find((i: any) => i.inspectorId === outcome.sub)).toMatchObject({
      name: '钱七',
      affiliations: ['org-wust'],
    });
    // The same address can hold an applicant account too: signing in then has to name the pool.
    const applicant = await users('invite', '--role', 'applicant', '--email', email, '--name', '钱七');
    expect(applicant.out.outcomes[0]).toMatchObject({ status: 'created' });
    expect(applicant.out.outcomes[0].sub).not.toBe(outcome.sub);
    const ambiguous = await fetch(`${apiUrl}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ username: email }),
    });
    expect(ambiguous.status).toBe(400);
    const asInspector = await fetch(`${apiUrl}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ username: email, pool: 'staff' }),
    });
    expect(await asInspector.json()).toMatchObject({ sub: outcome.sub, roles: ['inspector'] });
    const unknown = await fetch(`${apiUrl}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ username: `nobody-${email}` }),
    });
    expect(unknown.status).toBe(404);
  });
});
