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
  /**
   * The deployment's key for hashing objectors' client addresses and contacts (HMAC-SHA-256; the
   * public function; required: no raw address is ever stored, and an unkeyed hash of an IPv4
   * address is reversed by trying all of them). Locally a fixed development value.
   */
  clientHashKey: 'CLIENT_HASH_KEY',
  /**
   * Set on the API functions when CloudFront is in front (infra/constructs/edge.ts): the value
   * CloudFront sends as `x-origin-verify`. A request carrying it came through CloudFront.
   */
  originVerifySecret: 'ORIGIN_VERIFY_SECRET',
  /**
   * Set on the public function when CloudFront is in front: the header with the viewer's address
   * (cloudfront-viewer-address) that objections are counted by instead of API Gateway's sourceIp
   * (then the edge server's). Trusted only on a request carrying the origin-verify secret.
   */
  clientAddressHeader: 'CLIENT_ADDRESS_HEADER',
  /** Objections per client (and per contact) per round in a clock hour (optional; default 5). */
  objectionLimitPerHour: 'OBJECTION_LIMIT_PER_HOUR',
  /** Objections per client (and per contact) per round in all (optional; default 20). */
  objectionLimitPerRound: 'OBJECTION_LIMIT_PER_ROUND',
  /** Days after the notice period before open objections raise an alarm (optional; default 14). */
  objectionResolutionDays: 'OBJECTION_RESOLUTION_DAYS',
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

/**
 * Set on the API's Lambda authorizer only (functions/authorizer/handler.ts): the user pools whose
 * tokens it accepts. On AWS each pool is named by its id (the issuer and JWKS follow from it); the
 * local stack names its stand-in issuers by URL instead (JWKS at <issuer>/.well-known/jwks.json).
 * The client id is the audience either way (`aud` of ID tokens, `client_id` of access tokens).
 */
export const userPoolEnvNames = {
  staff: {
    userPoolId: 'STAFF_USER_POOL_ID',
    clientId: 'STAFF_USER_POOL_CLIENT_ID',
    issuer: 'STAFF_TOKEN_ISSUER',
  },
  applicant: {
    userPoolId: 'APPLICANT_USER_POOL_ID',
    clientId: 'APPLICANT_USER_POOL_CLIENT_ID',
    issuer: 'APPLICANT_TOKEN_ISSUER',
  },
} as const;

/**
 * Set on the API's Lambda authorizer instead of `userPoolEnvNames` when the deployment signs people
 * in through one external OpenID Connect provider (`-c identity=oidc`, infra/build.ts; e.g. Keycloak
 * or a Chinese IdP, where Cognito user pools are not offered). Roles come from a groups claim.
 */
export const oidcEnvNames = {
  /** The provider's issuer, exactly as its tokens' `iss` claim says it. */
  issuer: 'OIDC_ISSUER',
  /** The accepted `aud` values (client ids), comma-separated. */
  audience: 'OIDC_AUDIENCE',
  /** Optional: the JWKS URL; by default `jwks_uri` of the issuer's OpenID discovery document. */
  jwksUri: 'OIDC_JWKS_URI',
  /** The claim that lists the user's groups (default `groups`; a dotted path reaches a nested one). */
  groupsClaim: 'OIDC_GROUPS_CLAIM',
  /** The staff roles honoured from the groups claim, comma-separated (default every staff role). */
  staffGroups: 'OIDC_STAFF_GROUPS',
  /** Optional: a claim (e.g. `amr`) that must say `mfa` or `otp` for staff roles to be honoured. */
  mfaClaim: 'OIDC_MFA_CLAIM',
} as const;
