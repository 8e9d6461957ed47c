CREATE TABLE "municipal_vaccines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"age_from_unit" text NOT NULL,
	"age_from_value" integer NOT NULL,
	"age_to_unit" text NOT NULL,
	"age_to_value" integer NOT NULL,
	"sex" text,
	"doses" integer NOT NULL,
	"min_interval_days" integer DEFAULT 0 NOT NULL,
	"subsidy_yen" integer DEFAULT 0 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipal_vaccines_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "vaccination_relief_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"claimant_name" text NOT NULL,
	"claimant_relation" text DEFAULT '' NOT NULL,
	"claimant_postal_code" text DEFAULT '' NOT NULL,
	"claimant_address" text DEFAULT '' NOT NULL,
	"claimant_phone" text DEFAULT '' NOT NULL,
	"vaccine" text NOT NULL,
	"vaccinated_on" date,
	"category" text NOT NULL,
	"record_ids" bigint[] DEFAULT '{}' NOT NULL,
	"benefits" text[] DEFAULT '{}' NOT NULL,
	"symptoms" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"forwarded_on" date,
	"forward_note" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"result_received_on" date,
	"recognized_benefits" text[] DEFAULT '{}' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"notice_sent_on" date,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_relief_cases_case_no_unique" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE INDEX "vaccination_relief_cases_resident_idx" ON "vaccination_relief_cases" USING btree ("resident_id");--> statement-breakpoint
-- hand-added: the built-in roles of an existing installation get the new 予防接種 permissions (permissions.ts)
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['vaccination.extract', 'vaccination.relief']::text[]
  WHERE "code" IN ('nurse', 'clerk') AND "builtin" AND NOT ('vaccination.extract' = ANY("permissions"));
