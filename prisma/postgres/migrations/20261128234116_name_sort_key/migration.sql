-- The key names sort by (docs/decisions/0045), for the rows already there: lower("name"), as on
-- SQLite (in a database with the C locale it folds ASCII letters only). The application computes
-- the exact key (accents removed, every letter lower-cased: src/platform/text/sort-key.ts) with
-- every write, and at start-up rewrites the keys that differ from it
-- (src/features/content/sort-names.ts). Edited by hand after `npm run db:migration`: Prisma added
-- the NOT NULL column without a value for the rows already there.

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "sortName" TEXT;
UPDATE "Organization" SET "sortName" = lower("name");
ALTER TABLE "Organization" ALTER COLUMN "sortName" SET NOT NULL;

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN "sortName" TEXT;
UPDATE "Subject" SET "sortName" = lower("name");
ALTER TABLE "Subject" ALTER COLUMN "sortName" SET NOT NULL;

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN "sortName" TEXT;
UPDATE "Tag" SET "sortName" = lower("name");
ALTER TABLE "Tag" ALTER COLUMN "sortName" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Organization_sortName_name_id_idx" ON "Organization"("sortName", "name", "id");

-- CreateIndex
CREATE INDEX "Subject_sortName_name_id_idx" ON "Subject"("sortName", "name", "id");
