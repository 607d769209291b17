/** The programme office (admin): rounds and, per round, the pipeline and its decisions. */
import { lazy } from 'react';
import { Tr } from '../i18n.ts';
import type { Area } from './area.ts';

const RoundList = lazy(() => import('../pages/Rounds.tsx').then((m) => ({ default: m.RoundList })));

export const officeArea: Area = {
  roles: ['admin'],
  menu: [{ path: '/rounds', label: <Tr k="rounds" /> }],
  routes: [{ path: '/rounds', element: <RoundList /> }],
};
