/** What every stage shares: the component name the pipeline records, and its alliance status changes. */
export { PIPELINE_COMPONENT as COMPONENT, setAllianceStatus } from '../../db/designation.ts';
