/** Each HTTP request's reads memoised for that request (shared/db/request-scope.ts, issue #14). */
export { inRequestScope } from '../db/request-scope.ts';
