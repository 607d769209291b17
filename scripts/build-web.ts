// Builds the console (web/dist) for a deployment: regenerates web/src/api/schema.d.ts from
// openapi.json and runs the Vite production build (local/web.ts buildWeb). `npm run build:web`;
// the CDK synth then deploys web/dist (infra/build.ts consoleConfig).
import { buildWeb } from '../local/web.ts';

const { ms } = await buildWeb({ force: true, log: console.log });
console.log(`web/dist ready (${ms} ms)`);
