/**
 * A screen area of the console: who sees it in the menu and the routes it adds. Each area keeps its
 * pages lazily imported, so a person downloads only the screens of the roles they hold (the shell,
 * antd and the API client are the shared chunk).
 */
import type { ReactNode } from 'react';

export interface AreaMenuEntry {
  /** The route the entry opens; also its menu key (the first path segment is matched). */
  path: string;
  label: ReactNode;
}

export interface AreaRoute {
  path: string;
  element: ReactNode;
  /** Reachable without signing in (the default is signed-in only). */
  public?: boolean;
}

export interface Area {
  /** Menu entries shown when the signed-in person holds one of these roles. */
  roles: readonly string[];
  /** Labels are elements (e.g. `<Tr k="rounds" />`), rendered inside the language context. */
  menu: AreaMenuEntry[];
  routes: AreaRoute[];
}
