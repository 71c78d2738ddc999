// The public change log (/changes) and its feed: the audit log without who made each change.
export { changesRoutes } from './changes.routes.ts';
