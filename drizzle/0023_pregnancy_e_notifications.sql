CREATE TABLE "pregnancy_e_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"job_id" bigint,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pregnancy_e_notifications" (
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
	"pregnancy_id" bigint,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_message" text DEFAULT '' NOT NULL,
	"delivery" text DEFAULT 'mail' NOT NULL,
	"mailing_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pregnancy_e_notifications_application_no_idx" ON "pregnancy_e_notifications" USING btree ("application_no");--> statement-breakpoint
CREATE INDEX "pregnancy_e_notifications_import_idx" ON "pregnancy_e_notifications" USING btree ("import_id","line");--> statement-breakpoint
CREATE INDEX "pregnancy_e_notifications_outcome_idx" ON "pregnancy_e_notifications" USING btree ("outcome");