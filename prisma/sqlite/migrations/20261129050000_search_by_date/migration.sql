-- Relevance in tiers, newest first (docs/decisions/0048): "EventDateSearch" indexes the same columns
-- as "EventSearch", keyed by date instead of id, so that a page of a search reads its matches in
-- the timeline's order and stops after a page (FTS5 stops early in rowid order; ranking by bm25
-- scored every match). The rowid is the day of "dateStart" (days since 1970-01-01, UTC) × 2³¹ + id.
-- It is contentless (contentless_delete=1, SQLite ≥ 3.43): it answers rowids, never text. Triggers
-- keep it in step as they keep "EventSearch"; a later migration that rebuilds "Event" (Prisma's
-- RedefineTables) must recreate them.
CREATE VIRTUAL TABLE "EventDateSearch" USING fts5(
  "title", "searchText",
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Event_date_search_insert" AFTER INSERT ON "Event" BEGIN
  INSERT INTO "EventDateSearch"(rowid, "title", "searchText")
  VALUES ((CAST(julianday(substr(new."dateStart", 1, 10)) - 2440587.5 AS INTEGER)) * 2147483648 + new."id", new."title", new."searchText");
END;
CREATE TRIGGER "Event_date_search_delete" AFTER DELETE ON "Event" BEGIN
  DELETE FROM "EventDateSearch" WHERE rowid = (CAST(julianday(substr(old."dateStart", 1, 10)) - 2440587.5 AS INTEGER)) * 2147483648 + old."id";
END;
CREATE TRIGGER "Event_date_search_update" AFTER UPDATE OF "title", "searchText", "dateStart" ON "Event" BEGIN
  DELETE FROM "EventDateSearch" WHERE rowid = (CAST(julianday(substr(old."dateStart", 1, 10)) - 2440587.5 AS INTEGER)) * 2147483648 + old."id";
  INSERT INTO "EventDateSearch"(rowid, "title", "searchText")
  VALUES ((CAST(julianday(substr(new."dateStart", 1, 10)) - 2440587.5 AS INTEGER)) * 2147483648 + new."id", new."title", new."searchText");
END;
INSERT INTO "EventDateSearch"(rowid, "title", "searchText")
SELECT (CAST(julianday(substr("dateStart", 1, 10)) - 2440587.5 AS INTEGER)) * 2147483648 + "id", "title", "searchText" FROM "Event";

-- Every word of every event's "searchText" (letters and digits, src/features/search/search-text.ts),
-- so that a prefix ("llam") can be read as the few words it stands for ("llama" OR "llamas"): FTS5
-- answers a prefix by merging the whole doclist of every word it covers before the first row, which
-- grows with the table, while an OR of words stops early like one word. Words are never removed:
-- a word no row holds any more only adds an alternative that matches nothing. A "searchText" that
-- is not made of such words (never written by the app) adds no word rather than failing the write.
CREATE TABLE "EventWordSearch" ("word" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER "Event_word_search_insert" AFTER INSERT ON "Event" BEGIN
  INSERT OR IGNORE INTO "EventWordSearch"("word")
  SELECT "value" FROM json_each(CASE WHEN json_valid('["' || replace(new."searchText", ' ', '","') || '"]')
    THEN '["' || replace(new."searchText", ' ', '","') || '"]' ELSE '[]' END) WHERE "value" <> '';
END;
CREATE TRIGGER "Event_word_search_update" AFTER UPDATE OF "searchText" ON "Event" BEGIN
  INSERT OR IGNORE INTO "EventWordSearch"("word")
  SELECT "value" FROM json_each(CASE WHEN json_valid('["' || replace(new."searchText", ' ', '","') || '"]')
    THEN '["' || replace(new."searchText", ' ', '","') || '"]' ELSE '[]' END) WHERE "value" <> '';
END;
INSERT OR IGNORE INTO "EventWordSearch"("word")
SELECT j."value" FROM "Event" e, json_each(CASE WHEN json_valid('["' || replace(e."searchText", ' ', '","') || '"]')
  THEN '["' || replace(e."searchText", ' ', '","') || '"]' ELSE '[]' END) j WHERE j."value" <> '';
