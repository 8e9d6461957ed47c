CREATE TABLE "detailed_exam_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"screening_record_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"status" text NOT NULL,
	"examined_on" date,
	"institution_id" integer,
	"institution_name" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"outcome" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reported_by" text,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_item_extras" (
	"id" serial PRIMARY KEY NOT NULL,
	"program" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "screening_records_resident_idx";--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "needs_detailed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "mode" text;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "institution_id" integer;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "booking_id" bigint;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "ticket_no" text;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "age_at_fiscal_year_end" integer;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "age_on_date" integer;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "items" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "items_version" integer;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "updated_by" integer;--> statement-breakpoint
ALTER TABLE "screening_records" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "detailed_exam_results_record_idx" ON "detailed_exam_results" USING btree ("screening_record_id");--> statement-breakpoint
CREATE INDEX "detailed_exam_results_resident_idx" ON "detailed_exam_results" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_item_extras_program_key_idx" ON "result_item_extras" USING btree ("program","key");--> statement-breakpoint
-- one result per person, program and 年度: earlier duplicates of the simple 受診歴 (before results entry) keep the latest
DELETE FROM "screening_records" a USING "screening_records" b
  WHERE a."resident_id" = b."resident_id" AND a."program" = b."program" AND a."fiscal_year" = b."fiscal_year"
    AND (a."screened_on", a."id") < (b."screened_on", b."id");--> statement-breakpoint
UPDATE "screening_records" SET "needs_detailed" = true
  WHERE "result" IN ('needs_followup', 'hpv_positive_cytology_positive');--> statement-breakpoint
CREATE UNIQUE INDEX "screening_records_resident_program_year_idx" ON "screening_records" USING btree ("resident_id","program","fiscal_year");--> statement-breakpoint
CREATE INDEX "screening_records_year_program_idx" ON "screening_records" USING btree ("fiscal_year","program","needs_detailed");--> statement-breakpoint
CREATE INDEX "screening_records_ticket_idx" ON "screening_records" USING btree ("ticket_no");