/**
 * Oversight: a round's objections and 递补, its exports (programme office), and irregular
 * inspections (the office, the inspection office, inspectors). Pages lazily imported.
 */
import { lazy } from 'react';
import { useStrings } from '../i18n.ts';
import { oversightStrings } from '../pages/oversight/strings.ts';
import type { Area } from './area.ts';

const Objections = lazy(() =>
  import('../pages/oversight/Objections.tsx').then((m) => ({ default: m.Objections })),
);
const Exports = lazy(() => import('../pages/oversight/Exports.tsx').then((m) => ({ default: m.Exports })));
const Inspections = lazy(() =>
  import('../pages/oversight/Inspections.tsx').then((m) => ({ default: m.Inspections })),
);
const InspectionDetail = lazy(() =>
  import('../pages/oversight/InspectionDetail.tsx').then((m) => ({ default: m.InspectionDetail })),
);

function InspectionsLabel() {
  return <>{useStrings(oversightStrings)('inspections')}</>;
}

/** The office's per-round oversight screens (linked from the round dashboard, no menu entry). */
export const oversightArea: Area = {
  roles: ['admin'],
  menu: [],
  routes: [
    { path: '/rounds/:id/objections', element: <Objections /> },
    { path: '/rounds/:id/exports', element: <Exports /> },
  ],
};

/** Inspections: the draw (admin), the list, an inspection and its findings (inspector). */
export const inspectionsArea: Area = {
  roles: ['admin', 'inspection-office', 'inspector'],
  menu: [{ path: '/inspections', label: <InspectionsLabel /> }],
  routes: [
    { path: '/inspections', element: <Inspections /> },
    { path: '/inspections/:inspectionId', element: <InspectionDetail /> },
  ],
};
