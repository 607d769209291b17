/**
 * Demo data for `npm start`, created through the same use cases the API runs (so every record,
 * schedule and audit entry is real): an open round, a dev enterprise and a dev society (acting
 * for the printed dev-applicant tokens) and a draft alliance of the two. Idempotent: a marker item
 * remembers what was seeded, so a restart with kept data seeds nothing twice.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { RoundInputSchema } from '../shared/api/rounds.ts';
import { documentClient } from '../shared/aws/clients.ts';
import { env } from '../shared/config.ts';
import { USCC_ALPHABET, usccCheckCharacter } from '../shared/domain/uscc.ts';
import type { Principal } from '../shared/http/auth.ts';
import { createAlliance, inviteMember, respondToInvitation } from '../shared/usecases/alliances/index.ts';
import { createOrganisation } from '../shared/usecases/organisations.ts';
import { putPreferences } from '../shared/usecases/preferences.ts';
import { createRound } from '../shared/usecases/rounds.ts';
import type { LocalStack } from './stack.ts';

const MARKER = { pk: 'SEED#demo', sk: 'SEED' };

/** The users the printed dev tokens stand for. */
export const devUsers = {
  admin: { sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] },
  enterprise: { sub: 'dev-applicant', username: 'dev-applicant', roles: ['applicant'] },
  society: { sub: 'dev-society', username: 'dev-society', roles: ['applicant'] },
} satisfies Record<string, Principal>;

function uscc(registration: string) {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = `${registration}420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

export async function seedDemo(_stack: LocalStack): Promise<string[]> {
  const { Item: seeded } = await documentClient().send(
    new GetCommand({ TableName: env('tableName'), Key: MARKER }),
  );
  if (seeded) return [`round ${seeded.roundId}, alliance ${seeded.allianceId} (kept from an earlier start)`];

  const now = Date.now();
  const year = new Date().getUTCFullYear();
  const contact = { name: '联系人', phone: '027-87000000' };
  const round = await createRound(
    devUsers.admin,
    RoundInputSchema.parse({
      name: `${year}年度企会协作创新计划（本地演示）`,
      year,
      budget: 2_000_000,
      perAllianceCap: 300_000,
      applicationWindow: {
        opensAt: new Date(now - 86_400_000).toISOString(),
        closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      },
      reviewDeadline: new Date(now + 60 * 86_400_000).toISOString(),
      rubric: [
        { id: 'innovation', name: '创新性', weight: 40, max: 10 },
        { id: 'feasibility', name: '可行性', weight: 35, max: 10 },
        { id: 'impact', name: '预期成效', weight: 25, max: 10 },
      ],
      prioritySectors: [
        { id: 'optoelectronics', name: '光电子', bonus: 2 },
        { id: 'biomedicine', name: '生物医药与健康', bonus: 2 },
        { id: 'new-materials', name: '新材料', bonus: 1.5 },
      ],
    }),
  );
  // The demo users' mailboxes: the invitation and confirmation below land in GET /local/mail.
  for (const user of Object.values(devUsers)) {
    await putPreferences(user, { email: `${user.sub}@esip.local`, lang: 'zh', optOut: [] });
  }
  const enterprise = await createOrganisation(devUsers.enterprise, {
    kind: 'enterprise',
    name: '武汉光谷激光科技有限公司（演示）',
    uscc: uscc('91'),
    legalPerson: true,
    techSme: true,
    mainBusiness: { description: '激光器件研发与生产', techIntensive: true },
    employees: 120,
    rdStaff: 12,
    finances: { year: year - 1, operatingRevenue: 50_000_000, rdExpenditure: 2_500_000 },
    workplace: { provided: true },
    stAssociation: 'established',
    contact,
  });
  const society = await createOrganisation(devUsers.society, {
    kind: 'society',
    name: '武汉市光学学会（演示）',
    uscc: uscc('51'),
    societyType: 'city-affiliated',
    serviceRecords: [{ year: year - 1, kind: 'academic-exchange', title: '光电子产业技术交流会' }],
    annualPlan: { year, includesTask: true, responsibleStaff: contact },
    experts: [{ name: '李教授', title: '教授', field: '激光物理' }],
    contact,
  });
  const alliance = await createAlliance(devUsers.enterprise, {
    roundId: round.id,
    name: '高功率激光器件协作创新联盟（演示）',
  });
  await inviteMember(devUsers.enterprise, alliance.id, society.id);
  await respondToInvitation(devUsers.society, alliance.id, society.id, 'confirmed');
  try {
    await documentClient().send(
      new PutCommand({
        TableName: env('tableName'),
        Item: {
          ...MARKER,
          roundId: round.id,
          allianceId: alliance.id,
          enterpriseId: enterprise.id,
          societyId: society.id,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return [
    `round ${round.id} (open for 30 days)`,
    `enterprise ${enterprise.id} (dev-applicant), society ${society.id} (dev-society)`,
    `draft alliance ${alliance.id}: fill it in, upload the agreement, check eligibility, submit`,
    'mail: the society was invited and the enterprise told of its confirmation (GET /local/mail)',
  ];
}
