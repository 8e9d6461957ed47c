CREATE TABLE "e_application_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"job_id" bigint,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "e_applications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" bigint NOT NULL,
	"line" integer NOT NULL,
	"application_no" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"match_status" text NOT NULL,
	"confidence" text NOT NULL,
	"match_reasons" text[] NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resident_id" bigint,
	"application_id" bigint,
	"outcome" text NOT NULL,
	"outcome_message" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "e_applications_application_no_idx" ON "e_applications" USING btree ("application_no");--> statement-breakpoint
CREATE INDEX "e_applications_import_idx" ON "e_applications" USING btree ("import_id","line");--> statement-breakpoint
CREATE INDEX "e_applications_outcome_idx" ON "e_applications" USING btree ("outcome");