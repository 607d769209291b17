/**
 * The single DynamoDB table: keys and GSIs defined once, read by the CDK table construct
 * (infra/) and by the local stack's CreateTable (local/), so the two can never drift.
 *
 * Item key conventions (single-table design):
 *   pk = '<ENTITY>#<id>', sk = '<KIND>#<...>'
 *   gsi1: alternative access paths ("list X by Y"), gsi1pk/gsi1sk set only on items that need them.
 *   gsi2: a second alternative access path (e.g. by organisation or by status).
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  /** The table's stream: new images, read by the notifier (each inserted notification is sent). */
  streamViewType: 'NEW_IMAGE',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof tableDesign.globalSecondaryIndexes)[number]['indexName'];
