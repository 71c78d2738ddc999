-- Facet counts of the unfiltered timeline (docs/decisions/0038): "FacetCount" holds, per facet
-- value, how many events (stream e) or milestones (stream m) hold it, so that the home page reads
-- its counts from a few dozen rows instead of grouping every row. Triggers on the join tables
-- and "Event" keep it in step with every writer (the app, the import, the command-line
-- tools, a merge, raw SQL), and the application never writes it. Values: the id of the organization,
-- subject or tag as text, or the kind or confidence itself. Milestone statuses are
-- not kept here: flagging moves 100,000 of them in one statement, and a trigger would add two
-- writes per claim moved. They are counted on the status index. The table is generated, the
-- rest written by hand.
-- CreateTable
CREATE TABLE "FacetCount" (
    "facet" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FacetCount_pkey" PRIMARY KEY ("facet","stream","value")
);

-- Existing rows.
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'organization', 'e', CAST("organizationId" AS TEXT), COUNT(*) FROM "EventOrganization" GROUP BY "organizationId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'organization', 'm', CAST("organizationId" AS TEXT), COUNT(*) FROM "MilestoneOrganization" GROUP BY "organizationId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'subject', 'e', CAST("subjectId" AS TEXT), COUNT(*) FROM "EventSubject" GROUP BY "subjectId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'subject', 'm', CAST("subjectId" AS TEXT), COUNT(*) FROM "MilestoneSubject" GROUP BY "subjectId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'tag', 'e', CAST("tagId" AS TEXT), COUNT(*) FROM "EventTag" GROUP BY "tagId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'kind', 'e', CAST("kind" AS TEXT), COUNT(*) FROM "Event" GROUP BY "kind";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'confidence', 'e', CAST("confidence" AS TEXT), COUNT(*) FROM "Event" GROUP BY "confidence";

-- Kept in step.
-- Statement triggers with transition tables: one grouped upsert per statement and value, so that a
-- bulk insert of 70,000 events adds a few rows of counts, not 140,000 row-trigger calls. The
-- arguments of the trigger: the stream, then (facet, column) pairs. Values are upserted in order,
-- so two transactions lock the counter rows of one facet in the same order (no deadlock between them). The body is a U& string whose
-- semicolons are written \003B: the migration runner (adapter-pg executeScript) cuts scripts at
-- every semicolon, dollar quotes included.
CREATE FUNCTION timeline_facet_count() RETURNS trigger LANGUAGE plpgsql AS U&'
DECLARE
  i integer := 1\003B
  upsert text := ''INSERT INTO "FacetCount" ("facet", "stream", "value", "n") SELECT %L, %L, CAST(%I AS TEXT), %s COUNT(*) FROM %I GROUP BY %I ORDER BY 3 ''
    || ''ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "FacetCount"."n" + EXCLUDED."n"''\003B
BEGIN
  WHILE i < TG_NARGS LOOP
    IF TG_OP IN (''DELETE'', ''UPDATE'') THEN
      EXECUTE format(upsert, TG_ARGV[i], TG_ARGV[0], TG_ARGV[i + 1], ''-'', ''old_rows'', TG_ARGV[i + 1])\003B
    END IF\003B
    IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
      EXECUTE format(upsert, TG_ARGV[i], TG_ARGV[0], TG_ARGV[i + 1], '''', ''new_rows'', TG_ARGV[i + 1])\003B
    END IF\003B
    i := i + 2\003B
  END LOOP\003B
  RETURN NULL\003B
END
';

CREATE TRIGGER "EventOrganization_facets_insert" AFTER INSERT ON "EventOrganization" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'organization', 'organizationId');
CREATE TRIGGER "EventOrganization_facets_delete" AFTER DELETE ON "EventOrganization" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'organization', 'organizationId');
CREATE TRIGGER "EventOrganization_facets_update" AFTER UPDATE ON "EventOrganization" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'organization', 'organizationId');

CREATE TRIGGER "MilestoneOrganization_facets_insert" AFTER INSERT ON "MilestoneOrganization" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('m', 'organization', 'organizationId');
CREATE TRIGGER "MilestoneOrganization_facets_delete" AFTER DELETE ON "MilestoneOrganization" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('m', 'organization', 'organizationId');
CREATE TRIGGER "MilestoneOrganization_facets_update" AFTER UPDATE ON "MilestoneOrganization" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('m', 'organization', 'organizationId');

CREATE TRIGGER "EventSubject_facets_insert" AFTER INSERT ON "EventSubject" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'subject', 'subjectId');
CREATE TRIGGER "EventSubject_facets_delete" AFTER DELETE ON "EventSubject" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'subject', 'subjectId');
CREATE TRIGGER "EventSubject_facets_update" AFTER UPDATE ON "EventSubject" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'subject', 'subjectId');

CREATE TRIGGER "MilestoneSubject_facets_insert" AFTER INSERT ON "MilestoneSubject" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('m', 'subject', 'subjectId');
CREATE TRIGGER "MilestoneSubject_facets_delete" AFTER DELETE ON "MilestoneSubject" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('m', 'subject', 'subjectId');
CREATE TRIGGER "MilestoneSubject_facets_update" AFTER UPDATE ON "MilestoneSubject" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('m', 'subject', 'subjectId');

CREATE TRIGGER "EventTag_facets_insert" AFTER INSERT ON "EventTag" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'tag', 'tagId');
CREATE TRIGGER "EventTag_facets_delete" AFTER DELETE ON "EventTag" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'tag', 'tagId');
CREATE TRIGGER "EventTag_facets_update" AFTER UPDATE ON "EventTag" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'tag', 'tagId');

CREATE TRIGGER "Event_facets_insert" AFTER INSERT ON "Event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'kind', 'kind', 'confidence', 'confidence');
CREATE TRIGGER "Event_facets_delete" AFTER DELETE ON "Event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'kind', 'kind', 'confidence', 'confidence');
CREATE TRIGGER "Event_facets_update" AFTER UPDATE ON "Event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_facet_count('e', 'kind', 'kind', 'confidence', 'confidence');
