// An organization's or subject's name is part of the searchText of the events and milestones
// that name it: a rename rewrites those, in the same transaction as the rename.
import type { Db } from '../../platform/db.ts';
import { searchName } from './aliases.ts';
import * as repo from './content.repo.ts';
import { eventSearchText, milestoneSearchText } from './search-fields.ts';

type Row = { id: number; name: string; aliases: string };

/** `name`: what the renamed record now contributes (its name and aliases, see searchName). */
export async function searchTextAfterRename(db: Db, kind: 'organization' | 'subject', id: number, name: string): Promise<repo.Op[]> {
  const { events, milestones } = await repo.rowsNaming(db, kind, id);
  const orgNames = (r: { organizations: { organization: Row }[] }) =>
    r.organizations.map(({ organization: o }) => (kind === 'organization' && o.id === id ? name : searchName(o)));
  const subjectNames = (r: { subjects: { subject: Row }[] }) =>
    r.subjects.map(({ subject: s }) => (kind === 'subject' && s.id === id ? name : searchName(s)));
  return [
    ...events.map((e) =>
      repo.updateEvent(db, e.id, {
        searchText: eventSearchText(e.title, e.summary, orgNames(e), subjectNames(e), e.tags.map((t) => t.tag.name)),
      }),
    ),
    ...milestones.map((m) => repo.updateMilestone(db, m.id, { searchText: milestoneSearchText(m, orgNames(m), subjectNames(m)) })),
  ];
}
