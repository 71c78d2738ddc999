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
-- The arguments of the trigger: the stream, then (facet, column) pairs. The body is a U& string
-- whose semicolons are written \003B: the migration runner (adapter-pg executeScript) cuts scripts
-- at every semicolon, dollar quotes included.
CREATE FUNCTION timeline_facet_count() RETURNS trigger LANGUAGE plpgsql AS U&'
DECLARE
  i integer := 1\003B
BEGIN
  WHILE i < TG_NARGS LOOP
    IF TG_OP IN (''DELETE'', ''UPDATE'') THEN
      INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES (TG_ARGV[i], TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[i + 1], -1)
        ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "FacetCount"."n" - 1\003B
    END IF\003B
    IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
      INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES (TG_ARGV[i], TG_ARGV[0], to_jsonb(NEW) ->> TG_ARGV[i + 1], 1)
        ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "FacetCount"."n" + 1\003B
    END IF\003B
    i := i + 2\003B
  END LOOP\003B
  RETURN NULL\003B
END
';

CREATE TRIGGER "EventOrganization_facets" AFTER INSERT OR DELETE OR UPDATE OF "organizationId" ON "EventOrganization"
  FOR EACH ROW EXECUTE FUNCTION timeline_facet_count('e', 'organization', 'organizationId');

CREATE TRIGGER "MilestoneOrganization_facets" AFTER INSERT OR DELETE OR UPDATE OF "organizationId" ON "MilestoneOrganization"
  FOR EACH ROW EXECUTE FUNCTION timeline_facet_count('m', 'organization', 'organizationId');

CREATE TRIGGER "EventSubject_facets" AFTER INSERT OR DELETE OR UPDATE OF "subjectId" ON "EventSubject"
  FOR EACH ROW EXECUTE FUNCTION timeline_facet_count('e', 'subject', 'subjectId');

CREATE TRIGGER "MilestoneSubject_facets" AFTER INSERT OR DELETE OR UPDATE OF "subjectId" ON "MilestoneSubject"
  FOR EACH ROW EXECUTE FUNCTION timeline_facet_count('m', 'subject', 'subjectId');

CREATE TRIGGER "EventTag_facets" AFTER INSERT OR DELETE OR UPDATE OF "tagId" ON "EventTag"
  FOR EACH ROW EXECUTE FUNCTION timeline_facet_count('e', 'tag', 'tagId');

CREATE TRIGGER "Event_facets" AFTER INSERT OR DELETE OR UPDATE OF "kind", "confidence" ON "Event"
  FOR EACH ROW EXECUTE FUNCTION timeline_facet_count('e', 'kind', 'kind', 'confidence', 'confidence');

