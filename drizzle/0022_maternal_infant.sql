CREATE TABLE "births" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"child_resident_id" bigint NOT NULL,
	"mother_resident_id" bigint,
	"pregnancy_id" bigint,
	"received_on" date NOT NULL,
	"received_via" text NOT NULL,
	"birth_time" text DEFAULT '' NOT NULL,
	"birth_weight_g" integer,
	"height_mm" integer,
	"head_mm" integer,
	"chest_mm" integer,
	"gestational_weeks" integer,
	"gestational_days" integer,
	"delivery" text DEFAULT '' NOT NULL,
	"birth_order" integer,
	"apgar_1" integer,
	"apgar_5" integer,
	"birth_place" text DEFAULT '' NOT NULL,
	"institution_name" text DEFAULT '' NOT NULL,
	"low_birth_weight" boolean DEFAULT false NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hearing_screenings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"child_resident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"tested_on" date NOT NULL,
	"institution_id" bigint,
	"institution_name" text DEFAULT '' NOT NULL,
	"right_result" text NOT NULL,
	"left_result" text NOT NULL,
	"referred" boolean DEFAULT false NOT NULL,
	"voucher_id" bigint,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "infant_checkup_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"child_resident_id" bigint NOT NULL,
	"checkup" text NOT NULL,
	"mode" text NOT NULL,
	"session_id" bigint,
	"examined_on" date NOT NULL,
	"age_months" integer NOT NULL,
	"age_days" integer DEFAULT 0 NOT NULL,
	"institution_id" bigint,
	"institution_name" text DEFAULT '' NOT NULL,
	"ticket_no" text DEFAULT '' NOT NULL,
	"items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dental" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"judgement" text NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "infant_referrals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"result_id" bigint NOT NULL,
	"child_resident_id" bigint NOT NULL,
	"referral_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"areas" text[] DEFAULT '{}' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"to_institution_id" bigint,
	"to_institution_name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"examined_on" date,
	"result_institution_name" text DEFAULT '' NOT NULL,
	"result" text,
	"diagnosis" text DEFAULT '' NOT NULL,
	"result_items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result_source" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "infant_referrals_referral_no_unique" UNIQUE("referral_no")
);
--> statement-breakpoint
CREATE TABLE "checkup_vouchers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"voucher_no" text NOT NULL,
	"pregnancy_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"seq" integer NOT NULL,
	"issued_on" date NOT NULL,
	"limit_yen" integer,
	"status" text DEFAULT 'issued' NOT NULL,
	"used_on" date,
	"void_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"source" text NOT NULL,
	"source_id" bigint,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"registered_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maternal_checkup_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pregnancy_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"voucher_id" bigint,
	"referral_from_id" bigint,
	"examined_on" date NOT NULL,
	"gestational_weeks" integer,
	"gestational_days" integer,
	"institution_id" bigint,
	"institution_name" text DEFAULT '' NOT NULL,
	"items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"judgement" text NOT NULL,
	"epds_score" integer,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maternal_handbooks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pregnancy_id" bigint NOT NULL,
	"handbook_no" text NOT NULL,
	"child_index" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date NOT NULL,
	"replaces_id" bigint,
	"reason" text DEFAULT '' NOT NULL,
	"child_resident_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maternal_handbooks_handbook_no_unique" UNIQUE("handbook_no")
);
--> statement-breakpoint
CREATE TABLE "pregnancies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notification_no" text NOT NULL,
	"mother_resident_id" bigint NOT NULL,
	"notified_on" date NOT NULL,
	"source" text NOT NULL,
	"due_date" date NOT NULL,
	"weeks_at_notification" integer,
	"fetus_count" integer DEFAULT 1 NOT NULL,
	"diagnosed_by" text DEFAULT '' NOT NULL,
	"diagnosis_institution" text DEFAULT '' NOT NULL,
	"std_tb_checkup" text DEFAULT 'unknown' NOT NULL,
	"occupation" text DEFAULT '' NOT NULL,
	"questionnaire" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"questionnaire_version" text DEFAULT '' NOT NULL,
	"risk_flags" text[] DEFAULT '{}' NOT NULL,
	"specific_pregnant" boolean DEFAULT false NOT NULL,
	"interview" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pregnancies_notification_no_unique" UNIQUE("notification_no")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "births_child_idx" ON "births" USING btree ("child_resident_id");--> statement-breakpoint
CREATE INDEX "births_mother_idx" ON "births" USING btree ("mother_resident_id");--> statement-breakpoint
CREATE INDEX "hearing_screenings_child_idx" ON "hearing_screenings" USING btree ("child_resident_id","tested_on");--> statement-breakpoint
CREATE UNIQUE INDEX "infant_checkup_results_child_checkup_idx" ON "infant_checkup_results" USING btree ("child_resident_id","checkup");--> statement-breakpoint
CREATE INDEX "infant_referrals_child_idx" ON "infant_referrals" USING btree ("child_resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkup_vouchers_no_idx" ON "checkup_vouchers" USING btree ("voucher_no");--> statement-breakpoint
CREATE INDEX "checkup_vouchers_pregnancy_idx" ON "checkup_vouchers" USING btree ("pregnancy_id");--> statement-breakpoint
CREATE INDEX "follow_up_targets_resident_idx" ON "follow_up_targets" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "maternal_checkup_results_pregnancy_idx" ON "maternal_checkup_results" USING btree ("pregnancy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maternal_checkup_results_voucher_idx" ON "maternal_checkup_results" USING btree ("voucher_id");--> statement-breakpoint
CREATE INDEX "maternal_handbooks_pregnancy_idx" ON "maternal_handbooks" USING btree ("pregnancy_id");--> statement-breakpoint
CREATE INDEX "pregnancies_mother_idx" ON "pregnancies" USING btree ("mother_resident_id");--> statement-breakpoint
-- hand-added: the built-in roles of an existing installation get the new 母子保健 permissions (permissions.ts)
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['maternal.view', 'maternal.edit', 'infant.view', 'infant.edit']::text[]
  WHERE "code" IN ('nurse', 'clerk') AND "builtin" AND NOT ('maternal.view' = ANY("permissions"));--> statement-breakpoint
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['maternal.view', 'infant.view']::text[]
  WHERE "code" = 'viewer' AND "builtin" AND NOT ('maternal.view' = ANY("permissions"));
