CREATE TABLE "vaccination_specials" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"vaccines" text[] DEFAULT '{}' NOT NULL,
	"disease" text,
	"reason" text DEFAULT '' NOT NULL,
	"date" date,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" integer,
	"end_reason" text
);
--> statement-breakpoint
CREATE INDEX "vaccination_specials_resident_idx" ON "vaccination_specials" USING btree ("resident_id");