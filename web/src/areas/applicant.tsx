/** Applicants (enterprises and societies): organisation, alliances, free pairing, implementation. */
import { lazy } from 'react';
import { Tr } from '../i18n.ts';
import type { Area } from './area.ts';

const AllianceEditor = lazy(() =>
  import('../pages/AllianceEditor.tsx').then((m) => ({ default: m.AllianceEditor })),
);
const AllianceList = lazy(() =>
  import('../pages/AllianceList.tsx').then((m) => ({ default: m.AllianceList })),
);
const Implementation = lazy(() =>
  import('../pages/applicant/Implementation.tsx').then((m) => ({ default: m.Implementation })),
);
const Capability = lazy(() => import('../pages/Capability.tsx').then((m) => ({ default: m.Capability })));
const NeedDetail = lazy(() => import('../pages/NeedDetail.tsx').then((m) => ({ default: m.NeedDetail })));
const Needs = lazy(() => import('../pages/Needs.tsx').then((m) => ({ default: m.Needs })));

export const applicantArea: Area = {
  roles: ['applicant'],
  menu: [
    { path: '/organisation', label: <Tr k="organisation" /> },
    { path: '/alliances', label: <Tr k="alliances" /> },
    { path: '/needs', label: <Tr k="needs" /> },
    { path: '/capability', label: <Tr k="capability" /> },
  ],
  routes: [
    { path: '/alliances', element: <AllianceList /> },
    { path: '/alliances/:id', element: <AllianceEditor /> },
    { path: '/alliances/:id/implementation', element: <Implementation /> },
    { path: '/needs', element: <Needs /> },
    { path: '/needs/:id', element: <NeedDetail /> },
    { path: '/capability', element: <Capability /> },
  ],
};
