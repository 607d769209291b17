/** Inspections (不定期检查, §4.4): inspectors, risk-weighted draws, findings. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { IdSchema } from '../common.ts';
import {
  DrawParams,
  DrawRequestSchema,
  DrawSchema,
  FindingsInputSchema,
  InspectionListQuery,
  InspectionParams,
  InspectionSchema,
  InspectorInputSchema,
  InspectorParams,
  InspectorSchema,
} from '../inspections.ts';
import type { RouteDef } from '../route-types.ts';

export const inspectionRoutes = [
  {
    operationId: 'registerInspector',
    method: 'PUT',
    path: '/v1/inspectors/{inspectorId}',
    fn: 'inspections',
    auth: ['admin'],
    summary: 'Register (or update) a member of an expert evaluation team: affiliations and conflicts',
    tag: 'inspections',
    params: InspectorParams,
    body: InspectorInputSchema,
    responses: { 200: InspectorSchema },
  },
  {
    operationId: 'listInspectors',
    method: 'GET',
    path: '/v1/inspectors',
    fn: 'inspections',
    auth: ['admin'],
    summary: 'The registered inspectors',
    tag: 'inspections',
    responses: { 200: z.object({ items: z.array(InspectorSchema) }) },
  },
  {
    operationId: 'drawInspections',
    method: 'POST',
    path: '/v1/inspections/draws',
    fn: 'inspections',
    auth: ['admin'],
    summary:
      'Risk-weighted seeded draw of designated alliances to inspect; dryRun shows it without recording (the same seed, share and asOf re-run a recorded draw)',
    tag: 'inspections',
    body: DrawRequestSchema,
    responses: { 200: DrawSchema, 201: DrawSchema },
  },
  {
    operationId: 'getInspectionDraw',
    method: 'GET',
    path: '/v1/inspections/draws/{drawId}',
    fn: 'inspections',
    auth: ['admin'],
    summary:
      'A recorded draw: seed, share, asOf, every candidate with its features and weight, picks, inspectors',
    tag: 'inspections',
    params: DrawParams,
    responses: { 200: DrawSchema },
  },
  {
    operationId: 'listInspections',
    method: 'GET',
    path: '/v1/inspections',
    fn: 'inspections',
    auth: ['admin', 'inspector', 'inspection-office'],
    summary:
      'Inspections: an inspector sees those assigned to them, an admin and the inspection office all (?status=)',
    tag: 'inspections',
    query: InspectionListQuery,
    responses: { 200: z.object({ items: z.array(InspectionSchema) }) },
  },
  {
    operationId: 'getInspection',
    method: 'GET',
    path: '/v1/inspections/{inspectionId}',
    fn: 'inspections',
    auth: ['admin', 'inspector', 'inspection-office'],
    summary: 'One inspection (its assigned inspector, an admin or the inspection office)',
    tag: 'inspections',
    params: InspectionParams,
    responses: { 200: InspectionSchema },
  },
  {
    operationId: 'recordFindings',
    method: 'POST',
    path: '/v1/inspections/{inspectionId}/findings',
    fn: 'inspections',
    auth: ['inspector'],
    summary:
      "The assigned inspector's findings, rating and follow-up actions; a 'poor' rating sets a follow-up deadline in 60 days",
    tag: 'inspections',
    params: InspectionParams,
    body: FindingsInputSchema,
    responses: { 200: InspectionSchema },
  },
  {
    operationId: 'listAllianceInspections',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/inspections',
    fn: 'inspections',
    auth: ['applicant', 'admin', 'inspection-office'],
    summary:
      "An alliance's inspections: members see completed ones only (inspections are unannounced); admins and the inspection office all",
    tag: 'inspections',
    params: z.object({ allianceId: IdSchema }),
    responses: { 200: z.object({ items: z.array(InspectionSchema) }) },
  },
] as const satisfies readonly RouteDef[];
