/** Key builders for the single table: every item's pk/sk is made here and nowhere else. */
/** GSI partitions: "list X by Y" access paths. */
export const indexKeys = {
  /** gsi1: every round, newest year first. */
  rounds: () => 'ROUNDS',
  /** gsi1 (sparse): the gates open now, oldest first (the stuck-round check reads it). */
  openGates: () => 'OPEN_GATES',
  /** gsi1: the alliances of a round. */
  roundAlliances: (roundId: string) => `ROUND#${roundId}#ALLIANCES`,
  /** gsi2: the alliances an organisation belongs to (on member items). */
  orgAlliances: (orgId: string) => `ORG#${orgId}#ALLIANCES`,
  /** gsi1: a reviewer's assignments across rounds. */
  reviewerAssignments: (reviewerId: string) => `REVIEWER#${reviewerId}#ASSIGNMENTS`,
  /** gsi1: every implementation deadline, by due date (the daily sweep reads it). */
  deadlines: () => 'DEADLINES',
  /** gsi1: the users acting for an organisation (on their USER link items), by sub. */
  organisationUsers: (orgId: string) => `ORG#${orgId}#USERS`,
  /** gsi1: a recipient's notifications (recipient ORG#<id>, ROLE#<role> or USER#<sub>), newest first. */
  notifications: (recipient: string) => `NOTIFY#${recipient}`,
  /** gsi1: the inspectors' registry (§4.4 expert evaluation teams). */
  inspectors: () => 'INSPECTORS',
  /** gsi1: every inspection draw, oldest first. */
  inspectionDraws: () => 'INSPECTION_DRAWS',
  /** gsi1: the inspections assigned to one inspector. */
  inspectorInspections: (inspectorId: string) => `INSPECTOR#${inspectorId}#INSPECTIONS`,
  /** gsi2: every inspection, by draw time (admin listing, last inspection per alliance). */
  inspections: () => 'INSPECTIONS',
  /** gsi1: a round's selection rows in rank order (gsi1sk = the rank, zero-padded). */
  roundRanking: (roundId: string) => `ROUND#${roundId}#RANKING`,
  /** gsi1: the needs (技术需求) in one status (open, matched, closed), newest first. */
  needsByStatus: (status: string) => `NEEDS#${status}`,
  /** gsi2: the needs an enterprise published. */
  orgNeeds: (orgId: string) => `ORG#${orgId}#NEEDS`,
  /** gsi1: every society's capability profile (free pairing). */
  capabilities: () => 'CAPABILITIES',
};

export const keys = {
  round: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'ROUND' }),
  pipeline: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'PIPELINE' }),
  gate: (roundId: string, gate: string) => ({ pk: `ROUND#${roundId}`, sk: `GATE#${gate}` }),
  /** A pipeline step of a round that has run to its end (written once: a re-run reuses its result). */
  stepDone: (roundId: string, step: string) => ({ pk: `ROUND#${roundId}`, sk: `STEP#${step}` }),
  scheduleRun: (schedule: string, day: string) => ({ pk: `SCHEDULE#${schedule}`, sk: `RUN#${day}` }),
  document: (key: string) => ({ pk: `DOCUMENT#${key}`, sk: 'DOCUMENT' }),
  /** An uploaded document (agreement, report, receipt) in its alliance's partition. */
  allianceDocument: (allianceId: string, documentId: string) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `DOC#${documentId}`,
  }),
  /** Query for every document of an alliance: its partition, sort keys beginning DOC#. */
  allianceDocuments: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, skPrefix: 'DOC#' }),
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'PROFILE' }),
  uscc: (code: string) => ({ pk: `USCC#${code}`, sk: 'USCC' }),
  user: (sub: string) => ({ pk: `USER#${sub}`, sk: 'USER' }),
  /** A person's notification preferences (address, language, opt-outs). */
  preferences: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PREFERENCES' }),
  /** An alliance's head: status, version, name, history (small: it is rewritten at every step). */
  alliance: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, sk: 'ALLIANCE' }),
  /** An alliance's application content (written while a draft; sorts right after the head). */
  allianceContent: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, sk: 'ALLIANCE#CONTENT' }),
  member: (allianceId: string, orgId: string) => ({ pk: `ALLIANCE#${allianceId}`, sk: `MEMBER#${orgId}` }),
  award: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, sk: 'AWARD' }),
  plan: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, sk: 'PLAN' }),
  planVersion: (allianceId: string, version: number) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `PLAN#V${String(version).padStart(6, '0')}`,
  }),
  deadline: (allianceId: string, kind: string, due: string) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `DEADLINE#${due}#${kind}`,
  }),
  /** Query for every report deadline of an alliance: its partition, sort keys beginning DEADLINE#. */
  allianceDeadlines: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, skPrefix: 'DEADLINE#' }),
  /** A notification to a recipient (ORG#<id> or ROLE#admin); the id is deterministic, so it is written once. */
  notification: (recipient: string, id: string) => ({ pk: `NOTIFY#${recipient}`, sk: `NOTIFICATION#${id}` }),
  /** The delivery of a notification to one person or office address (`to` = USER#<sub> or ADDR#<address>). */
  delivery: (recipient: string, id: string, to: string) => ({
    pk: `NOTIFY#${recipient}`,
    sk: `DELIVERY#${id}#${to}`,
  }),
  reviewer: (roundId: string, reviewerId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `REVIEWER#${reviewerId}`,
  }),
  assignment: (roundId: string, allianceId: string, reviewerId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `ASSIGN#${allianceId}#${reviewerId}`,
  }),
  review: (roundId: string, allianceId: string, reviewerId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `REVIEW#${allianceId}#${reviewerId}`,
  }),
  /**
   * An alliance's screening record, in its round's partition: the gate's recount and the listing
   * read the round's records with one consistent Query (a GSI is only eventually consistent).
   */
  screening: (roundId: string, allianceId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `SCREENING#${allianceId}`,
  }),
  /** Query for every screening record of a round: its partition, sort keys beginning SCREENING#. */
  roundScreenings: (roundId: string) => ({ pk: `ROUND#${roundId}`, skPrefix: 'SCREENING#' }),
  /** The counters a gate completes on (screening decided, reviews in, objections open). */
  tally: (roundId: string, name: string) => ({ pk: `ROUND#${roundId}`, sk: `TALLY#${name}` }),
  /** The selection's header: status, policy, budget, totals, approval, counters (never grows with the round). */
  selection: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'SELECTION' }),
  /** One alliance's ranking entry and selection rows (proposed, approved, dropped, 递补). */
  selectionRow: (roundId: string, allianceId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `SELROW#${allianceId}`,
  }),
  /** Query for every selection row of a round. */
  selectionRows: (roundId: string) => ({ pk: `ROUND#${roundId}`, skPrefix: 'SELROW#' }),
  /** A chunk of the admin's approval adjustments (at most ADJUSTMENTS_PER_ITEM each). */
  selectionAdjustments: (roundId: string, chunk: number) => ({
    pk: `ROUND#${roundId}`,
    sk: `SELADJ#${String(chunk).padStart(4, '0')}`,
  }),
  /** A 递补 decision (n = 1, 2, …). */
  supplement: (roundId: string, n: number) => ({
    pk: `ROUND#${roundId}`,
    sk: `SUPPLEMENT#${String(n).padStart(4, '0')}`,
  }),
  notice: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'NOTICE' }),
  objection: (roundId: string, objectionId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `OBJECTION#${objectionId}`,
  }),
  /** How many objections a client or contact (by its keyed hash) filed in a round: in all ('round') or in an hour. */
  objectionCounter: (roundId: string, subject: string, hash: string, window: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `OBJLIMIT#${subject}#${hash}#${window}`,
  }),
  /** A client's or contact's objection to an alliance with a text (by fingerprint): written once. */
  objectionRepeat: (roundId: string, allianceId: string, fingerprint: string, subjectHash: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `OBJREPEAT#${allianceId}#${fingerprint}#${subjectHash}`,
  }),
  /** The first objection to an alliance with a text (by fingerprint), and how many followed. */
  objectionFingerprint: (roundId: string, allianceId: string, fingerprint: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `OBJFP#${allianceId}#${fingerprint}`,
  }),
  /** A ledger entry (expense or reversal) of an alliance's dedicated account; sorts by time. */
  ledgerEntry: (allianceId: string, recordedAt: string, entryId: string) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `LEDGER#${recordedAt}#${entryId}`,
  }),
  /** Query for an alliance's ledger entries: its partition, sort keys beginning LEDGER#. */
  ledgerEntries: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, skPrefix: 'LEDGER#' }),
  /** A receipt's claim by the one ledger entry it backs (written with attribute_not_exists). */
  receiptClaim: (allianceId: string, documentId: string) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `RECEIPT#${documentId}`,
  }),
  /** A reallocation of allocation between two budget lines of an award. */
  reallocation: (allianceId: string, at: string, id: string) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `REALLOC#${at}#${id}`,
  }),
  /** Query for an alliance's reallocations. */
  reallocations: (allianceId: string) => ({ pk: `ALLIANCE#${allianceId}`, skPrefix: 'REALLOC#' }),
  inspector: (inspectorId: string) => ({ pk: `INSPECTOR#${inspectorId}`, sk: 'INSPECTOR' }),
  inspectionDraw: (drawId: string) => ({ pk: `DRAW#${drawId}`, sk: 'DRAW' }),
  inspection: (inspectionId: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: 'INSPECTION' }),
  /**
   * An inspector's assignment to an alliance, in the alliance's partition (written by the draw that
   * assigns them): "may inspector X read alliance A" is one read by key, in the alliance's own
   * BatchGet (alliances.ts `loadAllianceForInspection`).
   */
  inspectorAssignment: (allianceId: string, inspectorId: string) => ({
    pk: `ALLIANCE#${allianceId}`,
    sk: `INSPECTOR#${inspectorId}`,
  }),
  /** An enterprise's technical need (free pairing, 自由组合). */
  need: (needId: string) => ({ pk: `NEED#${needId}`, sk: 'NEED' }),
  /** A society's interest in a need, in the need's partition. */
  interest: (needId: string, interestId: string) => ({ pk: `NEED#${needId}`, sk: `INTEREST#${interestId}` }),
  /** Query for every interest in a need. */
  needInterests: (needId: string) => ({ pk: `NEED#${needId}`, skPrefix: 'INTEREST#' }),
  /** One interest per society and need (written with attribute_not_exists). */
  interestBy: (needId: string, societyId: string) => ({
    pk: `NEED#${needId}`,
    sk: `INTERESTBY#${societyId}`,
  }),
  /** A society's capability profile, next to its organisation profile. */
  capability: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'CAPABILITY' }),
  /** Audit records live in the partition of the entity they are about, so a trail is one Query. */
  audit: (entityPk: string, at: string, id: string) => ({ pk: entityPk, sk: `AUDIT#${at}#${id}` }),
};
