-- Stored search vectors (docs/decisions/0039): "EventSearch" and "MilestoneSearch" hold, per row,
-- the tsvector of its title (weight A) followed by that of its folded "searchText" (weight D),
-- GIN-indexed. Searches match the D part (the words decision 21 matches) and rank on the whole
-- vector, so nothing is recomputed per matched row. Like SQLite's FTS5 tables these live outside
-- the Prisma schema (it has no tsvector type), are written by hand and kept by triggers on
-- "Event" and "Milestone", so that every writer keeps them in step. They replace the expression
-- indexes of decision 21.
CREATE TABLE "EventSearch" ("id" INTEGER NOT NULL PRIMARY KEY, "vector" tsvector NOT NULL);
CREATE TABLE "MilestoneSearch" ("id" INTEGER NOT NULL PRIMARY KEY, "vector" tsvector NOT NULL);

-- The title as ranking read it before (lower-cased, unaccented, PostgreSQL's own parser), then searchText.
CREATE FUNCTION timeline_search_vector(title text, search_text text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('simple'::regconfig, timeline_unaccent(lower(coalesce(title, '')))), 'A')
    || to_tsvector('simple'::regconfig, timeline_unaccent(coalesce(search_text, ''))) $$;

-- Existing rows.
INSERT INTO "EventSearch" ("id", "vector") SELECT "id", timeline_search_vector("title", "searchText") FROM "Event";
INSERT INTO "MilestoneSearch" ("id", "vector") SELECT "id", timeline_search_vector("title", "searchText") FROM "Milestone";

CREATE INDEX "EventSearch_vector_idx" ON "EventSearch" USING GIN ("vector");
CREATE INDEX "MilestoneSearch_vector_idx" ON "MilestoneSearch" USING GIN ("vector");
DROP INDEX IF EXISTS "Event_search_idx";
DROP INDEX IF EXISTS "Milestone_search_idx";

-- Kept in step. Inserts and deletes: statement triggers with transition tables (a bulk insert of
-- 70,000 events is one INSERT … SELECT). Updates: a row trigger limited to changes of "title" or
-- "searchText" (a statement trigger cannot name columns, and would fire on every flagging of
-- claims). The side table is "<table>Search". The body is a U& string whose semicolons are written
-- \003B: the migration runner (adapter-pg executeScript) cuts scripts at every semicolon.
CREATE FUNCTION timeline_search_rows() RETURNS trigger LANGUAGE plpgsql AS U&'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    EXECUTE format(''INSERT INTO %I ("id", "vector") SELECT "id", timeline_search_vector("title", "searchText") FROM new_rows'', TG_TABLE_NAME || ''Search'')\003B
  ELSIF TG_OP = ''DELETE'' THEN
    EXECUTE format(''DELETE FROM %I s USING old_rows o WHERE s."id" = o."id"'', TG_TABLE_NAME || ''Search'')\003B
  ELSE
    EXECUTE format(''INSERT INTO %I ("id", "vector") VALUES ($1, timeline_search_vector($2, $3)) ''
      || ''ON CONFLICT ("id") DO UPDATE SET "vector" = EXCLUDED."vector"'', TG_TABLE_NAME || ''Search'')
      USING NEW."id", NEW."title", NEW."searchText"\003B
  END IF\003B
  RETURN NULL\003B
END
';

CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_rows();
CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_rows();
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "title", "searchText" ON "Event"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."searchText" IS DISTINCT FROM NEW."searchText")
  EXECUTE FUNCTION timeline_search_rows();

CREATE TRIGGER "Milestone_search_insert" AFTER INSERT ON "Milestone" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_rows();
CREATE TRIGGER "Milestone_search_delete" AFTER DELETE ON "Milestone" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_rows();
CREATE TRIGGER "Milestone_search_update" AFTER UPDATE OF "title", "searchText" ON "Milestone"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."searchText" IS DISTINCT FROM NEW."searchText")
  EXECUTE FUNCTION timeline_search_rows();
