-- PostgreSQL only (docs/decisions/0039): its search vectors are now stored in side tables, as
-- SQLite's FTS5 tables already are. Nothing changes here: the statement below does nothing and
-- keeps both histories alike (a migration without a statement fails to apply).
SELECT 1;
