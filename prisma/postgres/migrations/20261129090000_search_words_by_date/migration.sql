-- Words in date order (docs/decisions/0049). The GIN index of decision 39 cannot return matches
-- in an order, so a page of a common word (2% of 100,000 events) read every match, or walked the
-- date key testing each row. "EventWordSearch" and "MilestoneWordSearch" hold one row per word of
-- each row's stored vector: the word, its tier (1 when the word is in the title, the vector's
-- weight A, else 2: decision 48) and the row's date key. Their primary key answers a page of one
-- word, in one tier or both, in date order, and stops after the page, and it lists the words
-- that start with a prefix. They follow the side tables through triggers on those, so whatever
-- writes the vectors keeps the words in step. Words compare byte by byte (COLLATE "C") as the
-- prefix ranges expect.
CREATE TABLE "EventWordSearch" (
  "word" TEXT COLLATE "C" NOT NULL,
  "tier" SMALLINT NOT NULL,
  "key" BIGINT NOT NULL,
  PRIMARY KEY ("word", "tier", "key")
);
CREATE TABLE "MilestoneWordSearch" (
  "word" TEXT COLLATE "C" NOT NULL,
  "tier" SMALLINT NOT NULL,
  "key" BIGINT NOT NULL,
  PRIMARY KEY ("word", "tier", "key")
);

-- The words of a stored vector with their tier.
CREATE FUNCTION timeline_vector_words(v tsvector) RETURNS TABLE ("word" TEXT, "tier" SMALLINT)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lexeme, (CASE WHEN 'A' = ANY (weights) THEN 1 ELSE 2 END)::SMALLINT FROM unnest(v) $$;

INSERT INTO "EventWordSearch" ("word", "tier", "key") SELECT w."word", w."tier", s."key" FROM "EventSearch" s, timeline_vector_words(s."vector") w;
INSERT INTO "MilestoneWordSearch" ("word", "tier", "key") SELECT w."word", w."tier", s."key" FROM "MilestoneSearch" s, timeline_vector_words(s."vector") w;

-- Kept in step with "<table>Search": inserts and deletes by statement (transition tables), updates
-- by row when the vector or the key changed (decision 48's triggers upsert the side tables). The
-- body is a U& string whose semicolons are written \003B (the migration runner cuts scripts at
-- every semicolon).
CREATE FUNCTION timeline_search_words() RETURNS trigger LANGUAGE plpgsql AS U&'
DECLARE
  words TEXT := replace(TG_TABLE_NAME, ''Search'', ''WordSearch'')\003B
BEGIN
  IF TG_OP = ''INSERT'' THEN
    EXECUTE format(''INSERT INTO %I ("word", "tier", "key") SELECT w."word", w."tier", n."key" FROM new_rows n, timeline_vector_words(n."vector") w'', words)\003B
  ELSIF TG_OP = ''DELETE'' THEN
    EXECUTE format(''DELETE FROM %I p USING old_rows o, timeline_vector_words(o."vector") w ''
      || ''WHERE p."word" = w."word" AND p."tier" = w."tier" AND p."key" = o."key"'', words)\003B
  ELSE
    EXECUTE format(''DELETE FROM %I p USING timeline_vector_words($1) w WHERE p."word" = w."word" AND p."tier" = w."tier" AND p."key" = $2'', words)
      USING OLD."vector", OLD."key"\003B
    EXECUTE format(''INSERT INTO %I ("word", "tier", "key") SELECT w."word", w."tier", $2 FROM timeline_vector_words($1) w'', words)
      USING NEW."vector", NEW."key"\003B
  END IF\003B
  RETURN NULL\003B
END
';

CREATE TRIGGER "EventSearch_words_insert" AFTER INSERT ON "EventSearch" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_words();
CREATE TRIGGER "EventSearch_words_delete" AFTER DELETE ON "EventSearch" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_words();
CREATE TRIGGER "EventSearch_words_update" AFTER UPDATE ON "EventSearch"
  FOR EACH ROW WHEN (OLD."vector" IS DISTINCT FROM NEW."vector" OR OLD."key" IS DISTINCT FROM NEW."key")
  EXECUTE FUNCTION timeline_search_words();
CREATE TRIGGER "MilestoneSearch_words_insert" AFTER INSERT ON "MilestoneSearch" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_words();
CREATE TRIGGER "MilestoneSearch_words_delete" AFTER DELETE ON "MilestoneSearch" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_words();
CREATE TRIGGER "MilestoneSearch_words_update" AFTER UPDATE ON "MilestoneSearch"
  FOR EACH ROW WHEN (OLD."vector" IS DISTINCT FROM NEW."vector" OR OLD."key" IS DISTINCT FROM NEW."key")
  EXECUTE FUNCTION timeline_search_words();
