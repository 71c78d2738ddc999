-- Claim shapes (docs/decisions/0018): added in place so that triggers and indexes on "Milestone" stay.
ALTER TABLE "Milestone" ADD COLUMN "expectedShape" TEXT NOT NULL DEFAULT 'window';
ALTER TABLE "Milestone" ADD COLUMN "relativeTo" DATETIME;
ALTER TABLE "Milestone" ADD COLUMN "likelihoodLow" REAL;
ALTER TABLE "Milestone" ADD COLUMN "likelihoodHigh" REAL;
ALTER TABLE "Milestone" ADD COLUMN "likelihoodText" TEXT;
