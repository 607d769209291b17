/** Starting a round's pipeline is a use case now (shared/usecases/pipeline-run.ts); kept for its importers. */
export { executionArnFor, type StartResult, startRoundPipeline } from '../usecases/pipeline-run.ts';
