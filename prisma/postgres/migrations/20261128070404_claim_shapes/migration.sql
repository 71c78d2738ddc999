-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "expectedShape" TEXT NOT NULL DEFAULT 'window',
ADD COLUMN     "likelihoodHigh" DOUBLE PRECISION,
ADD COLUMN     "likelihoodLow" DOUBLE PRECISION,
ADD COLUMN     "likelihoodText" TEXT,
ADD COLUMN     "relativeTo" TIMESTAMP(3);
