-- Facet counts of the unfiltered timeline (docs/decisions/0038): "FacetCount" holds, per facet
-- value, how many events (stream e) or milestones (stream m) hold it, so that the home page reads
-- its counts from a few dozen rows instead of grouping every row. Triggers on the join tables
-- and "Event" keep it in step with every writer (the app, the import, the command-line
-- tools, a merge, raw SQL), and the application never writes it. Values: the id of the organization,
-- subject or tag as text, or the kind or confidence itself. Milestone statuses are
-- not kept here: flagging moves 100,000 of them in one statement, and a trigger would add two
-- writes per claim moved. They are counted on the status index. The table is generated, the
-- rest written by hand.
-- CreateTable
CREATE TABLE "FacetCount" (
    "facet" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("facet", "stream", "value")
);

-- Existing rows.
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'organization', 'e', CAST("organizationId" AS TEXT), COUNT(*) FROM "EventOrganization" GROUP BY "organizationId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'organization', 'm', CAST("organizationId" AS TEXT), COUNT(*) FROM "MilestoneOrganization" GROUP BY "organizationId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'subject', 'e', CAST("subjectId" AS TEXT), COUNT(*) FROM "EventSubject" GROUP BY "subjectId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'subject', 'm', CAST("subjectId" AS TEXT), COUNT(*) FROM "MilestoneSubject" GROUP BY "subjectId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'tag', 'e', CAST("tagId" AS TEXT), COUNT(*) FROM "EventTag" GROUP BY "tagId";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'kind', 'e', CAST("kind" AS TEXT), COUNT(*) FROM "Event" GROUP BY "kind";
INSERT INTO "FacetCount" ("facet", "stream", "value", "n")
  SELECT 'confidence', 'e', CAST("confidence" AS TEXT), COUNT(*) FROM "Event" GROUP BY "confidence";

-- Kept in step.
CREATE TRIGGER "EventOrganization_facet_insert" AFTER INSERT ON "EventOrganization" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'e', CAST(new."organizationId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "EventOrganization_facet_delete" AFTER DELETE ON "EventOrganization" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'e', CAST(old."organizationId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
END;
CREATE TRIGGER "EventOrganization_facet_update" AFTER UPDATE OF "organizationId" ON "EventOrganization" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'e', CAST(old."organizationId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'e', CAST(new."organizationId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "MilestoneOrganization_facet_insert" AFTER INSERT ON "MilestoneOrganization" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'm', CAST(new."organizationId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "MilestoneOrganization_facet_delete" AFTER DELETE ON "MilestoneOrganization" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'm', CAST(old."organizationId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
END;
CREATE TRIGGER "MilestoneOrganization_facet_update" AFTER UPDATE OF "organizationId" ON "MilestoneOrganization" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'm', CAST(old."organizationId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('organization', 'm', CAST(new."organizationId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "EventSubject_facet_insert" AFTER INSERT ON "EventSubject" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'e', CAST(new."subjectId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "EventSubject_facet_delete" AFTER DELETE ON "EventSubject" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'e', CAST(old."subjectId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
END;
CREATE TRIGGER "EventSubject_facet_update" AFTER UPDATE OF "subjectId" ON "EventSubject" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'e', CAST(old."subjectId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'e', CAST(new."subjectId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "MilestoneSubject_facet_insert" AFTER INSERT ON "MilestoneSubject" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'm', CAST(new."subjectId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "MilestoneSubject_facet_delete" AFTER DELETE ON "MilestoneSubject" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'm', CAST(old."subjectId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
END;
CREATE TRIGGER "MilestoneSubject_facet_update" AFTER UPDATE OF "subjectId" ON "MilestoneSubject" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'm', CAST(old."subjectId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('subject', 'm', CAST(new."subjectId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "EventTag_facet_insert" AFTER INSERT ON "EventTag" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('tag', 'e', CAST(new."tagId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "EventTag_facet_delete" AFTER DELETE ON "EventTag" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('tag', 'e', CAST(old."tagId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
END;
CREATE TRIGGER "EventTag_facet_update" AFTER UPDATE OF "tagId" ON "EventTag" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('tag', 'e', CAST(old."tagId" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('tag', 'e', CAST(new."tagId" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "Event_facet_insert" AFTER INSERT ON "Event" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('kind', 'e', CAST(new."kind" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('confidence', 'e', CAST(new."confidence" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
CREATE TRIGGER "Event_facet_delete" AFTER DELETE ON "Event" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('kind', 'e', CAST(old."kind" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('confidence', 'e', CAST(old."confidence" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
END;
CREATE TRIGGER "Event_facet_update" AFTER UPDATE OF "kind", "confidence" ON "Event" BEGIN
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('kind', 'e', CAST(old."kind" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('confidence', 'e', CAST(old."confidence" AS TEXT), -1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (-1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('kind', 'e', CAST(new."kind" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
  INSERT INTO "FacetCount" ("facet", "stream", "value", "n") VALUES ('confidence', 'e', CAST(new."confidence" AS TEXT), 1)
    ON CONFLICT ("facet", "stream", "value") DO UPDATE SET "n" = "n" + (1);
END;
