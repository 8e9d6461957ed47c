CREATE TABLE "target_list_details" (
	"list_id" bigint NOT NULL,
	"id" integer NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "target_list_details_list_id_id_pk" PRIMARY KEY("list_id","id")
);
--> statement-breakpoint
-- hand-added: existing lists keep their details, interned per list
INSERT INTO "target_list_details" ("list_id", "id", "details")
SELECT "list_id", (row_number() OVER (PARTITION BY "list_id" ORDER BY "details"::text))::int, "details"
FROM (SELECT DISTINCT "list_id", "details" FROM "target_list_entries") d;--> statement-breakpoint
ALTER TABLE "target_list_entries" ADD COLUMN "details_id" integer;--> statement-breakpoint
UPDATE "target_list_entries" e SET "details_id" = d."id" FROM "target_list_details" d
WHERE d."list_id" = e."list_id" AND d."details" = e."details";--> statement-breakpoint
ALTER TABLE "target_list_entries" ALTER COLUMN "details_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "target_list_entries" DROP COLUMN "details";
