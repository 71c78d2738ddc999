-- CreateTable
CREATE TABLE "SubjectFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subjectId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" REAL,
    "text" TEXT,
    "unit" TEXT,
    "refSubjectId" INTEGER,
    "sourceId" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SubjectFact_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubjectFact_refSubjectId_fkey" FOREIGN KEY ("refSubjectId") REFERENCES "Subject" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SubjectFact_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SubjectFact_subjectId_kind_recordedAt_idx" ON "SubjectFact"("subjectId", "kind", "recordedAt");

-- CreateIndex
CREATE INDEX "SubjectFact_refSubjectId_idx" ON "SubjectFact"("refSubjectId");

-- CreateIndex
CREATE INDEX "SubjectFact_sourceId_idx" ON "SubjectFact"("sourceId");
