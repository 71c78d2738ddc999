// The public change log (/changes) and its feed: the audit log without who made each change.
export { publicChanges, changesAtom, type PublicChangeVM } from './changes.service.ts';
