-- PostgreSQL only (docs/decisions/0049): its side tables gain the words of each row in date order.
-- SQLite's "EventDateSearch" (decision 48) already stops after a page, so nothing changes here;
-- the migration exists so that both histories keep the same names. Prisma's shadow database
-- refuses a migration without a statement, hence this one, which changes nothing.
SELECT 1;
