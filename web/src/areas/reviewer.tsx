/** Expert reviewers: assignments, the proposal and its documents, scoring, conflict declaration. */
import type { Area } from './area.ts';

export const reviewerArea: Area = {
  roles: ['reviewer'],
  menu: [],
  routes: [],
};
