/** Key builders for the single table: every item's pk/sk is made here and nowhere else. */
export const keys = {
  round: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'ROUND' }),
  pipeline: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'PIPELINE' }),
  gate: (roundId: string, gate: string) => ({ pk: `ROUND#${roundId}`, sk: `GATE#${gate}` }),
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
  /** Audit records live in the partition of the entity they are about, so a trail is one Query. */
  audit: (entityPk: string, at: string, id: string) => ({ pk: entityPk, sk: `AUDIT#${at}#${id}` }),
};
