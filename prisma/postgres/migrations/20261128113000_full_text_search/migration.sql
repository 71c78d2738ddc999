-- Full-text search (docs/decisions/0021): a GIN index on the tsvector of each searchable row's
-- folded "searchText", under the 'simple' configuration (no stemming, no stop words, so that it
-- matches the same words as SQLite's FTS5), with unaccent folding what the application did not.
-- The tsvector is an index expression rather than a column: the PostgreSQL schema is generated
-- from the SQLite one, which has no such type, and PostgreSQL keeps an expression index in step
-- with every write by itself. Written by hand: Prisma cannot describe it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads its dictionary), and an index needs an IMMUTABLE function.
CREATE OR REPLACE FUNCTION timeline_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Existing rows: the form src/features/search/search-text.ts now writes (folded words separated
-- by single spaces, % and _ as marker words).
UPDATE "Event" SET "searchText" = trim(regexp_replace(lower(timeline_unaccent(
  replace(replace("searchText", U&'\E000', ' xpercentx '), U&'\E001', ' xunderscorex '))), '[^[:alnum:]]+', ' ', 'g'));
UPDATE "Milestone" SET "searchText" = trim(regexp_replace(lower(timeline_unaccent(
  replace(replace("searchText", U&'\E000', ' xpercentx '), U&'\E001', ' xunderscorex '))), '[^[:alnum:]]+', ' ', 'g'));

CREATE INDEX "Event_search_idx" ON "Event" USING GIN (to_tsvector('simple'::regconfig, timeline_unaccent("searchText")));
CREATE INDEX "Milestone_search_idx" ON "Milestone" USING GIN (to_tsvector('simple'::regconfig, timeline_unaccent("searchText")));
