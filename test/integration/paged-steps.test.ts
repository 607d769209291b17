/**
 * Issue #10, "executions carry no lists": the per-alliance steps page through the round inside
 * their tasks. The test stack runs two alliances per page (global-setup.ts), so a round of five
 * submitted alliances and one draft is screened over several pages; the execution's state carries a
 * cursor, never an alliance id, and the status says how far the step got.
 */
import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { api, handlerEnv, sfn, tokenFor, uid } from './client.ts';
import {
  allianceContent,
  applicantWithOrg,
  atGate,
  enterpriseBody,
  openRoundWith,
  societyBody,
  submittedAlliance,
  waitForPipeline,
} from './fixtures.ts';

describe('paged pipeline steps', () => {
  it('screen every submitted alliance over several pages, with a cursor and no ids in the execution', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const roundId = await openRoundWith(admin, {});
    const submitted = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const [lead, partner] = await Promise.all([
          applicantWithOrg(enterpriseBody()),
          applicantWithOrg(societyBody()),
        ]);
        return submittedAlliance(roundId, lead, partner, `分页联盟${n}`, 100_000 + n);
      }),
    );
    const [lead, partner] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
    ]);
    const draft = await api('POST', '/v1/alliances', {
      token: lead.token,
      body: { roundId, name: '未提交联盟', ...allianceContent([partner.org.id]) },
    });
    expect(draft.status, draft.text).toBe(201);

    const closed = await api('POST', `/v1/rounds/${roundId}/close`, {
      token: admin,
      body: { reason: '截止' },
    });
    expect(closed.status, closed.text).toBe(202);
    const status = await waitForPipeline(admin, roundId, 'the screening gate', atGate('screening'));
    expect(status.progress).toMatchObject({ step: 'screening', processed: 5, done: true });

    const screening = await api('GET', `/v1/rounds/${roundId}/screening`, { token: admin });
    expect(screening.status, screening.text).toBe(200);
    const screened = screening.body.items.map((i: { allianceId: string }) => i.allianceId).sort();
    expect(screened).toEqual([...submitted].sort()); // the draft is not screened

    const arn = `${handlerEnv.ROUND_PIPELINE_ARN!.replace(':stateMachine:', ':execution:')}:round-${roundId}`;
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }));
    const entered = (name: string) =>
      events!.filter((e) => e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === name)
        .length;
    // Six alliances in the round's index, two read per page: three pages, and a fourth, empty one
    // when DynamoDB cannot tell the third was the last.
    expect(entered('ScreenBatch')).toBeGreaterThanOrEqual(3);
    expect(entered('ScreenBatch')).toBeLessThanOrEqual(4);
    const carried = JSON.stringify(events);
    for (const id of [...submitted, draft.body.id as string]) expect(carried).not.toContain(id);
  });
});
