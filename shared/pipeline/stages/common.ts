import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../aws/clients.ts';
import { allianceStatusUpdate } from '../../db/alliance-status.ts';
import { auditPut, systemActor } from '../../db/audit.ts';
import { keys } from '../../db/keys.ts';
import { conditionFailed, table } from '../../db/table.ts';

export const COMPONENT = 'round-pipeline';

export const noticeKeys = (roundId: string) => ({
  json: `rounds/${roundId}/notice.json`,
  html: `rounds/${roundId}/notice.html`,
});

export async function setAllianceStatus(
  allianceId: string,
  status: string,
  from: string[],
  reason: string,
  executionId: string,
) {
  const at = new Date().toISOString();
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          allianceStatusUpdate({ allianceId, to: status, from, at, by: COMPONENT, reason }),
          auditPut(table(), keys.alliance(allianceId).pk, {
            action: `alliance.${status}`,
            actor: systemActor(COMPONENT, executionId),
            reason,
          }),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error, 0)) return false; // already moved on (a retry): nothing to do
    throw error;
  }
}
