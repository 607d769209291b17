/**
 * Local Step Functions for the local stack and the tests. See emulator.ts for the semantics.
 *
 * Wiring (what the local stack does):
 *   const template = await loadAppTemplate();
 *   const functions = extractFunctions(template);
 *   const lambdas = createLocalInvoker(functions, { root });
 *   const sfn = createLocalStepFunctions({ template, invoke: lambdas.invoke, dataDir, timeScale });
 *   await sfn.start();
 *   process.env.AWS_ENDPOINT_URL_SFN = sfn.url;        // handlers' SFNClient talks to the emulator
 *   process.env.ROUND_PIPELINE_ARN = sfn.stateMachineArn('RoundPipeline');
 */
export {
  createLocalStepFunctions,
  type LocalSfnLogEntry,
  type LocalStateMachineInput,
  type LocalStepFunctions,
  type LocalStepFunctionsOptions,
  type PendingTaskInfo,
  type ResourceHandler,
} from './emulator.ts';
export { SfnServiceError, StateError } from './errors.ts';
export type { ExecutionRecord, ExecutionStatus } from './store.ts';
