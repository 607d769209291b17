/** Expert reviewers: assignments, the proposal and its documents, scoring, conflict declaration. */
import { lazy } from 'react';
import { Tr } from '../i18n.ts';
import type { Area } from './area.ts';

const Assignments = lazy(() =>
  import('../pages/reviewer/Assignments.tsx').then((m) => ({ default: m.Assignments })),
);
const AssignmentDetail = lazy(() =>
  import('../pages/reviewer/AssignmentDetail.tsx').then((m) => ({ default: m.AssignmentDetail })),
);

export const reviewerArea: Area = {
  roles: ['reviewer'],
  menu: [{ path: '/assignments', label: <Tr k="assignments" /> }],
  routes: [
    { path: '/assignments', element: <Assignments /> },
    { path: '/assignments/:roundId/:allianceId', element: <AssignmentDetail /> },
  ],
};
