-- The key names sort by (docs/decisions/0045), for the rows already there: lower("name"), which
-- folds ASCII letters only. The application computes the exact key (accents removed, every
-- letter lower-cased: src/platform/text/sort-key.ts) with every write, and at start-up rewrites
-- the keys that differ from it (src/features/content/sort-names.ts). Edited by hand after
-- `npm run db:migration`: Prisma's copy left the new NOT NULL column without a value.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "website" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("aliases", "createdAt", "description", "id", "name", "slug", "sortName", "updatedAt", "website") SELECT "aliases", "createdAt", "description", "id", "name", "slug", lower("name"), "updatedAt", "website" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE INDEX "Organization_name_idx" ON "Organization"("name");
CREATE INDEX "Organization_sortName_name_id_idx" ON "Organization"("sortName", "name", "id");
CREATE TABLE "new_Subject" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'other',
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Subject" ("aliases", "createdAt", "description", "id", "kind", "name", "slug", "sortName", "updatedAt") SELECT "aliases", "createdAt", "description", "id", "kind", "name", "slug", lower("name"), "updatedAt" FROM "Subject";
DROP TABLE "Subject";
ALTER TABLE "new_Subject" RENAME TO "Subject";
CREATE UNIQUE INDEX "Subject_slug_key" ON "Subject"("slug");
CREATE INDEX "Subject_name_idx" ON "Subject"("name");
CREATE INDEX "Subject_sortName_name_id_idx" ON "Subject"("sortName", "name", "id");
CREATE TABLE "new_Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL
);
INSERT INTO "new_Tag" ("id", "name", "slug", "sortName") SELECT "id", "name", "slug", lower("name") FROM "Tag";
DROP TABLE "Tag";
ALTER TABLE "new_Tag" RENAME TO "Tag";
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
