/**
 * Who acts in the programme: the roles (Cognito groups on AWS), the signed-in principal a request
 * carries, and the actor an audit record names (a person, or a system component).
 *
 * Every role but 'applicant' is staff. 'inspector': reads the records of the designated alliances
 * it is assigned to inspect, and records its own findings. 'inspection-office': the programme's
 * inspection office, which oversees every inspection — reads every designated alliance's award,
 * plan and ledger and every inspection, writes nothing (findings stay the assigned inspector's).
 */
export const roles = ['applicant', 'admin', 'reviewer', 'inspector', 'inspection-office'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  /** Stable user id (the token's `sub`). */
  sub: string;
  username: string;
  roles: Role[];
}

export type Actor =
  | { kind: 'user'; sub: string; username: string; roles: string[] }
  | { kind: 'system'; component: string; executionId?: string };

export const isAdmin = (p: Principal): boolean => p.roles.includes('admin');

/** The inspection office: reads what every inspector may read, of every designated alliance. */
export const isInspectionOffice = (p: Principal): boolean => p.roles.includes('inspection-office');

/** How a decision names its maker in status histories: "name (sub)". */
export const byWhom = (p: Principal): string => `${p.username} (${p.sub})`;

export const userActor = (p: Principal): Actor => ({
  kind: 'user',
  sub: p.sub,
  username: p.username,
  roles: p.roles,
});

export const systemActor = (component: string, executionId?: string): Actor => ({
  kind: 'system',
  component,
  ...(executionId ? { executionId } : {}),
});
