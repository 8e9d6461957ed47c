CREATE TABLE "reminder_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"program" text,
	"fiscal_year" integer NOT NULL,
	"called_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "reminder_calls_year_purpose_resident_idx" ON "reminder_calls" USING btree ("fiscal_year","purpose","resident_id");--> statement-breakpoint
CREATE INDEX "reminder_calls_resident_idx" ON "reminder_calls" USING btree ("resident_id");