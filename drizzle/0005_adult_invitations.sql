CREATE TABLE "screening_opt_outs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"program" text,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_preferences" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fiscal_year" integer NOT NULL,
	"resident_id" bigint NOT NULL,
	"survey_list_id" bigint,
	"programs" text[] NOT NULL,
	"session_id" bigint,
	"channel" text NOT NULL,
	"answered_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"program" text NOT NULL,
	"method" text,
	"fiscal_year" integer NOT NULL,
	"screened_on" date NOT NULL,
	"result" text,
	"source" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medical_institutions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_kana" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"programs" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fiscal_year" integer NOT NULL,
	"code" text NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fiscal_year" integer NOT NULL,
	"programs" text[] NOT NULL,
	"venue_id" integer NOT NULL,
	"session_date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"capacity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_kana" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_list_entries" (
	"list_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"programs" text[] NOT NULL,
	"coupons" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb NOT NULL,
	"age" integer NOT NULL,
	"included" boolean DEFAULT true NOT NULL,
	"exclusion_reason" text,
	"exclusion_note" text DEFAULT '' NOT NULL,
	"added_by_hand" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_list_entries_list_id_resident_id_pk" PRIMARY KEY("list_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "target_lists" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"programs" text[] NOT NULL,
	"settings" jsonb NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"job_id" bigint,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailing_destinations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"postal_code" text NOT NULL,
	"address" text NOT NULL,
	"address_extra" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"active" boolean DEFAULT true NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailing_items" (
	"mailing_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"pull_reason" text,
	"pull_label" text,
	"pull_note" text DEFAULT '' NOT NULL,
	"pulled_by" integer,
	"confirmed_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailing_items_mailing_id_resident_id_pk" PRIMARY KEY("mailing_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "mailings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"fiscal_year" integer,
	"source_list_id" bigint,
	"send_date" date NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"print_job_id" bigint,
	"checked_at" timestamp with time zone,
	"printed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "send_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"mailing_id" bigint,
	"purpose" text NOT NULL,
	"document_title" text NOT NULL,
	"fiscal_year" integer,
	"sent_on" date NOT NULL,
	"method" text NOT NULL,
	"destination_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"postal_code" text NOT NULL,
	"address" text NOT NULL,
	"address_extra" text DEFAULT '' NOT NULL,
	"reissue_of" bigint,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"returned_on" date,
	"return_reason" text,
	"return_note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "screening_opt_outs_resident_idx" ON "screening_opt_outs" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_preferences_year_resident_idx" ON "screening_preferences" USING btree ("fiscal_year","resident_id");--> statement-breakpoint
CREATE INDEX "screening_preferences_session_idx" ON "screening_preferences" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "screening_records_resident_idx" ON "screening_records" USING btree ("resident_id","program","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "medical_institutions_code_idx" ON "medical_institutions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "program_settings_year_code_idx" ON "program_settings" USING btree ("fiscal_year","code");--> statement-breakpoint
CREATE INDEX "screening_sessions_year_idx" ON "screening_sessions" USING btree ("fiscal_year","session_date");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_code_idx" ON "venues" USING btree ("code");--> statement-breakpoint
CREATE INDEX "mailing_destinations_resident_idx" ON "mailing_destinations" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "mailing_items_seq_idx" ON "mailing_items" USING btree ("mailing_id","seq");--> statement-breakpoint
CREATE INDEX "send_records_resident_idx" ON "send_records" USING btree ("resident_id","sent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "send_records_mailing_resident_idx" ON "send_records" USING btree ("mailing_id","resident_id");