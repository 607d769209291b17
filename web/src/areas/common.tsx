/** Screens for every signed-in person, whatever their role: notifications and their preferences. */
import { lazy } from 'react';
import { useStrings } from '../i18n.ts';
import { applicantStrings } from '../pages/applicant/strings.ts';
import type { Area } from './area.ts';

const Notifications = lazy(() =>
  import('../pages/common/Notifications.tsx').then((m) => ({ default: m.Notifications })),
);

function NotificationsLabel() {
  return <>{useStrings(applicantStrings)('notifications')}</>;
}

export const commonArea: Area = {
  roles: ['applicant', 'admin', 'reviewer', 'inspector', 'inspection-office'],
  menu: [{ path: '/notifications', label: <NotificationsLabel /> }],
  routes: [{ path: '/notifications', element: <Notifications /> }],
};
