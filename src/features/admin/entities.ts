// The five kinds of records editors manage, described once for the generic pages.
import * as content from '../content/index.ts';
import { blank, valuesOf } from './admin.forms.ts';
import type { EntityAdmin } from './content.routes.ts';

export const organizations: EntityAdmin<content.OrganizationInput> = {
  type: 'organization',
  singular: 'organization',
  plural: 'organizations',
  schema: content.organizationSchema,
  create: content.createOrganization,
  update: content.updateOrganization,
  remove: content.deleteOrganization,
  load: async (db, id) => {
    const row = await content.getOrganization(db, id);
    return { label: row.name, values: valuesOf.organization(row) };
  },
  blank: blank.organization!,
};

export const subjects: EntityAdmin<content.SubjectInput> = {
  type: 'subject',
  singular: 'subject',
  plural: 'subjects',
  schema: content.subjectSchema,
  create: content.createSubject,
  update: content.updateSubject,
  remove: content.deleteSubject,
  load: async (db, id) => {
    const row = await content.getSubject(db, id);
    return { label: row.name, values: valuesOf.subject(row) };
  },
  blank: blank.subject!,
};

export const sources: EntityAdmin<content.SourceInput> = {
  type: 'source',
  singular: 'source',
  plural: 'sources',
  schema: content.sourceSchema,
  create: content.createSource,
  update: content.updateSource,
  remove: content.deleteSource,
  load: async (db, id) => {
    const row = await content.getSource(db, id);
    return { label: content.sourceLabel(row), values: valuesOf.source(row) };
  },
  blank: blank.source!,
};

export const events: EntityAdmin<content.EventInput> = {
  type: 'event',
  singular: 'event',
  plural: 'events',
  schema: content.eventSchema,
  create: content.createEvent,
  update: content.updateEvent,
  remove: content.deleteEvent,
  load: async (db, id) => {
    const row = await content.getEvent(db, id);
    return { label: row.title, values: valuesOf.event(row) };
  },
  blank: blank.event!,
};

export const milestones: EntityAdmin<content.MilestoneInput> = {
  type: 'milestone',
  singular: 'milestone',
  plural: 'milestones',
  schema: content.milestoneSchema,
  create: content.createMilestone,
  update: content.updateMilestone,
  remove: content.deleteMilestone,
  load: async (db, id) => {
    const row = await content.getMilestone(db, id);
    return { label: row.title, values: valuesOf.milestone(row) };
  },
  blank: blank.milestone!,
};
