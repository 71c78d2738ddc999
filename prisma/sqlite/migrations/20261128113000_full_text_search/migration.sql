-- Full-text search (docs/decisions/0021): an FTS5 index over each searchable row's folded
-- "searchText" (plus its title, for ranking), kept in step by triggers so that every writer
-- (the app, the command-line tools, the import, a rename) updates it. Prisma cannot describe
-- virtual tables or triggers, so this file is written by hand; a later migration that rebuilds
-- "Event" or "Milestone" (Prisma's RedefineTables) must recreate the triggers.

-- Existing rows: the LIKE-era stand-ins for % and _ (U+E000, U+E001) become the marker words
-- that src/features/search/search-text.ts now writes. Accents and punctuation are left to the
-- tokenizer (unicode61 remove_diacritics 2 folds them the same way).
UPDATE "Event" SET "searchText" = trim(replace(replace("searchText", char(57344), ' xpercentx '), char(57345), ' xunderscorex '));
UPDATE "Milestone" SET "searchText" = trim(replace(replace("searchText", char(57344), ' xpercentx '), char(57345), ' xunderscorex '));

CREATE VIRTUAL TABLE "EventSearch" USING fts5(
  "title", "searchText",
  content = 'Event', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" BEGIN
  INSERT INTO "EventSearch"(rowid, "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;
CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" BEGIN
  INSERT INTO "EventSearch"("EventSearch", rowid, "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
END;
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "title", "searchText" ON "Event" BEGIN
  INSERT INTO "EventSearch"("EventSearch", rowid, "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
  INSERT INTO "EventSearch"(rowid, "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;
INSERT INTO "EventSearch"("EventSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "MilestoneSearch" USING fts5(
  "title", "searchText",
  content = 'Milestone', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Milestone_search_insert" AFTER INSERT ON "Milestone" BEGIN
  INSERT INTO "MilestoneSearch"(rowid, "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;
CREATE TRIGGER "Milestone_search_delete" AFTER DELETE ON "Milestone" BEGIN
  INSERT INTO "MilestoneSearch"("MilestoneSearch", rowid, "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
END;
CREATE TRIGGER "Milestone_search_update" AFTER UPDATE OF "title", "searchText" ON "Milestone" BEGIN
  INSERT INTO "MilestoneSearch"("MilestoneSearch", rowid, "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
  INSERT INTO "MilestoneSearch"(rowid, "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;
INSERT INTO "MilestoneSearch"("MilestoneSearch") VALUES ('rebuild');
