// The one place that decides what an event's or a milestone's `searchText` holds.
import { buildSearchText } from '../search/index.ts';

type Names = readonly string[];

export function eventSearchText(title: string, summary: string, organizations: Names, subjects: Names, tags: Names): string {
  return buildSearchText([title, summary, ...organizations, ...subjects, ...tags]);
}

export interface MilestoneSearchFields {
  title: string;
  claim: string;
  quote: string | null;
  expectedText: string | null;
  afterText: string | null;
}

export function milestoneSearchText(m: MilestoneSearchFields, organizations: Names, subjects: Names): string {
  return buildSearchText([m.title, m.claim, m.quote, m.expectedText, m.afterText, ...organizations, ...subjects]);
}
