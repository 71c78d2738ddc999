-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "aliases" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "aliases" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Redirect" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "toId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Redirect_entityType_toId_idx" ON "Redirect"("entityType", "toId");

-- CreateIndex
CREATE UNIQUE INDEX "Redirect_entityType_fromSlug_key" ON "Redirect"("entityType", "fromSlug");
