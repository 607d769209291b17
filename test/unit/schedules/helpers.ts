/** The environment the CDK gives the rounds function for its close schedules (see infra app-stack). */
export function setSchedulingEnv() {
  process.env.SCHEDULE_GROUP = 'esip-rounds';
  process.env.SCHEDULER_ROLE_ARN = 'arn:aws:iam::000000000000:role/RoundCloseSchedulerRole';
  process.env.PIPELINE_STARTER_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:PipelineStarterFn';
  process.env.SCHEDULE_DLQ_ARN = 'arn:aws:sqs:us-east-1:000000000000:pipeline-starter-dlq';
}
