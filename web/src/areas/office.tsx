/** The programme office (admin): rounds and, per round, the pipeline and its decisions. */
import { lazy } from 'react';
import { Tr } from '../i18n.ts';
import type { Area } from './area.ts';

const RoundList = lazy(() => import('../pages/office/RoundList.tsx').then((m) => ({ default: m.RoundList })));
const RoundForm = lazy(() => import('../pages/office/RoundForm.tsx').then((m) => ({ default: m.RoundForm })));
const RoundDashboard = lazy(() =>
  import('../pages/office/RoundDashboard.tsx').then((m) => ({ default: m.RoundDashboard })),
);

export const officeArea: Area = {
  roles: ['admin'],
  menu: [{ path: '/rounds', label: <Tr k="rounds" /> }],
  routes: [
    { path: '/rounds', element: <RoundList /> },
    { path: '/rounds/new', element: <RoundForm /> },
    { path: '/rounds/:id', element: <RoundDashboard /> },
    { path: '/rounds/:id/edit', element: <RoundForm /> },
  ],
};
