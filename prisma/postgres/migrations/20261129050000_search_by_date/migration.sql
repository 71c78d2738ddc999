-- Relevance in tiers (docs/decisions/0048) needs nothing new on PostgreSQL: the stored vectors of
-- decision 39 hold the title (weight A) apart from the rest (weight D). SQLite's side adds a
-- date-keyed index, and this file keeps the two histories under the same names.
SELECT 1;
