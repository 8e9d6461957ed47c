CREATE TABLE "screening_applications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fiscal_year" integer NOT NULL,
	"resident_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"programs" text[] NOT NULL,
	"mode" text NOT NULL,
	"institution_id" integer,
	"booking_id" bigint,
	"status" text DEFAULT 'accepted' NOT NULL,
	"applied_on" date NOT NULL,
	"external_no" text,
	"note" text DEFAULT '' NOT NULL,
	"ticket_send_record_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "screening_applications_year_resident_idx" ON "screening_applications" USING btree ("fiscal_year","resident_id");--> statement-breakpoint
CREATE INDEX "screening_applications_year_status_idx" ON "screening_applications" USING btree ("fiscal_year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_applications_external_no_idx" ON "screening_applications" USING btree ("external_no") WHERE "screening_applications"."external_no" IS NOT NULL;