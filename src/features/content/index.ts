export { ENTITY_TYPES, type EntityType, type WriteContext, type Snapshot } from './audit.ts';
export {
  organizationSchema,
  subjectSchema,
  sourceSchema,
  eventSchema,
  milestoneSchema,
  type OrganizationInput,
  type SubjectInput,
  type SourceInput,
  type EventInput,
  type MilestoneInput,
} from './content.schema.ts';
export { getOrganization, getSubject, getSource, getEvent, getMilestone } from './content.repo.ts';
export type { OrganizationRow, SubjectRow, SourceRow, EventRow, MilestoneRow } from './content.repo.ts';
export { createOrganization, updateOrganization, deleteOrganization } from './organizations.service.ts';
export { createSubject, updateSubject, deleteSubject } from './subjects.service.ts';
export { createSource, updateSource, deleteSource, sourceLabel } from './sources.service.ts';
export { createEvent, updateEvent, deleteEvent } from './events.service.ts';
export { createMilestone, createMilestones, updateMilestone, deleteMilestone, milestonePlacement } from './milestones.service.ts';
export { eventSearchText, milestoneSearchText } from './search-fields.ts';
export { historyOf, listChanges, isEntityType, adminPath, showValue, parseChanges, type ChangeVM } from './history.service.ts';
export { slugify, firstFreeSlug } from './slug.ts';
export { SUMMARY_LENGTH, TITLE_LENGTH } from './content.schema.ts';
export { exportAll, exportCsv, exportCsvStream, type ExportBundle } from './transfer/export.service.ts';
export { importData, checkImport, applyImport, FileChanged, type ImportReport, type ImportFormat, type RowError } from './transfer/import.service.ts';
export { ReferenceGone } from './transfer/import.write.ts';
export type { Action, PlannedAction } from './transfer/import.check.ts';
export type { ImportInput, ReadEnd, Segment } from './transfer/import.input.ts';
export { ENTITY_LISTS, type EntityList } from './transfer/transfer.schema.ts';
export { databaseHeld, heldEvents, heldNames, ptKey, type HeldKeys } from './transfer/import.held.ts';
export { text as textField, choice as choiceField, checkbox as checkboxField } from './fields.ts';
export { exportWithFacts, exportWithFactsStream, importWithFacts, writeFacts, exportFacts, type FactInput, type FactPlan } from './transfer/facts.transfer.ts';
export { aliasesOf, aliasKey, searchName } from './aliases.ts';
export { mergeRecords, mergeCandidates, redirectFor, type MergeKind, type MergeResult } from './merge.ts';
export { refreshSortNames } from './sort-names.ts';
