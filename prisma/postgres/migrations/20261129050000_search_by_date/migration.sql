-- Relevance in tiers, read in date order (docs/decisions/0048). The stored vectors of decision 39
-- already hold the title (weight A) apart from the rest (weight D), which is what the tiers ask.
-- Each side table now also keeps its row's date key, the day of its start (days since 1970-01-01,
-- UTC) times 2^31 plus its id, as SQLite's "EventDateSearch" does, with a B-tree on it: a page of
-- a search alone orders the side table's matches by that key and reads only the page's rows of
-- "Event", instead of reading the row of every match to sort them.
CREATE FUNCTION timeline_date_key(start TIMESTAMP(3), id INTEGER) RETURNS BIGINT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT floor(extract(epoch FROM start) / 86400)::BIGINT * 2147483648 + id $$;

ALTER TABLE "EventSearch" ADD COLUMN "key" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "MilestoneSearch" ADD COLUMN "key" BIGINT NOT NULL DEFAULT 0;
UPDATE "EventSearch" s SET "key" = timeline_date_key(e."dateStart", e."id") FROM "Event" e WHERE e."id" = s."id";
UPDATE "MilestoneSearch" s SET "key" = timeline_date_key(m."sortStart", m."id") FROM "Milestone" m WHERE m."id" = s."id";
CREATE INDEX "EventSearch_key_idx" ON "EventSearch" ("key");
CREATE INDEX "MilestoneSearch_key_idx" ON "MilestoneSearch" ("key");

-- The trigger function of decision 39, now writing the key too. The start column is "dateStart"
-- for events and "sortStart" for claims. The body is a U& string whose semicolons are written \003B
-- (the migration runner cuts scripts at every semicolon).
CREATE OR REPLACE FUNCTION timeline_search_rows() RETURNS trigger LANGUAGE plpgsql AS U&'
DECLARE
  start_column TEXT := CASE TG_TABLE_NAME WHEN ''Event'' THEN ''dateStart'' ELSE ''sortStart'' END\003B
BEGIN
  IF TG_OP = ''INSERT'' THEN
    EXECUTE format(''INSERT INTO %I ("id", "vector", "key") SELECT "id", timeline_search_vector("title", "searchText"), timeline_date_key(%I, "id") FROM new_rows'',
      TG_TABLE_NAME || ''Search'', start_column)\003B
  ELSIF TG_OP = ''DELETE'' THEN
    EXECUTE format(''DELETE FROM %I s USING old_rows o WHERE s."id" = o."id"'', TG_TABLE_NAME || ''Search'')\003B
  ELSE
    EXECUTE format(''INSERT INTO %I ("id", "vector", "key") VALUES ($1, timeline_search_vector($2, $3), timeline_date_key($4, $1)) ''
      || ''ON CONFLICT ("id") DO UPDATE SET "vector" = EXCLUDED."vector", "key" = EXCLUDED."key"'', TG_TABLE_NAME || ''Search'')
      USING NEW."id", NEW."title", NEW."searchText", (to_jsonb(NEW) ->> start_column)::TIMESTAMP(3)\003B
  END IF\003B
  RETURN NULL\003B
END
';

DROP TRIGGER "Event_search_update" ON "Event";
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "title", "searchText", "dateStart" ON "Event"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."searchText" IS DISTINCT FROM NEW."searchText"
    OR OLD."dateStart" IS DISTINCT FROM NEW."dateStart")
  EXECUTE FUNCTION timeline_search_rows();
DROP TRIGGER "Milestone_search_update" ON "Milestone";
CREATE TRIGGER "Milestone_search_update" AFTER UPDATE OF "title", "searchText", "sortStart" ON "Milestone"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."searchText" IS DISTINCT FROM NEW."searchText"
    OR OLD."sortStart" IS DISTINCT FROM NEW."sortStart")
  EXECUTE FUNCTION timeline_search_rows();
