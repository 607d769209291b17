/**
 * The names the infrastructure (infra/, CDK) and the local stack (local/) both give the handlers:
 * environment variables, the schedule group, the custom events, the state machine's id. Defined here
 * once; the CDK sets them on AWS, the local stack sets the same locally, and shared/config.ts reads them.
 */

/** Environment variables every function may read (set by the AppFunction construct and the local stack). */
export const envNames = {
  tableName: 'TABLE_NAME',
  documentsBucket: 'DOCUMENTS_BUCKET',
  noticesBucket: 'NOTICES_BUCKET',
  roundPipelineArn: 'ROUND_PIPELINE_ARN',
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  stage: 'STAGE',
  /** Alliances per page of the pipeline's paged steps (optional; default 100, 1–1,000). */
  pipelinePageSize: 'PIPELINE_PAGE_SIZE',
} as const;

/** Set on the `rounds` function only, for the per-round "application window closes" schedules. */
export const schedulingEnvNames = {
  /** EventBridge Scheduler schedule group of the round schedules (ROUND_SCHEDULE_GROUP). */
  scheduleGroup: 'SCHEDULE_GROUP',
  /** The role EventBridge Scheduler assumes to invoke pipeline-starter (passed with iam:PassRole). */
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  /** The pipeline-starter function: the schedules' target. */
  pipelineStarterArn: 'PIPELINE_STARTER_ARN',
  /** Dead-letter queue for deliveries the scheduler gives up on. */
  scheduleDlqArn: 'SCHEDULE_DLQ_ARN',
} as const;

/** The EventBridge Scheduler group of the per-round close schedules. */
export const ROUND_SCHEDULE_GROUP = 'esip-rounds';

/** Custom events on the default bus that start the round pipeline. */
export const roundEvents = {
  source: 'esip.rounds',
  roundCloseRequested: 'RoundCloseRequested',
} as const;

/** The construct id of the round pipeline's state machine (the local stack finds it by this id). */
export const ROUND_PIPELINE_ID = 'RoundPipeline';
