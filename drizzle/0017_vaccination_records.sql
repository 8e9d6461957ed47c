CREATE TABLE "vaccination_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"vaccine" text NOT NULL,
	"dose" text DEFAULT '' NOT NULL,
	"vaccinated_on" date NOT NULL,
	"product" text DEFAULT '' NOT NULL,
	"lot" text DEFAULT '' NOT NULL,
	"institution_id" bigint,
	"institution_name" text DEFAULT '' NOT NULL,
	"doctor" text DEFAULT '' NOT NULL,
	"form_no" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"routine" boolean NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" integer,
	"delete_reason" text
);
--> statement-breakpoint
CREATE INDEX "vaccination_records_resident_idx" ON "vaccination_records" USING btree ("resident_id","vaccinated_on");--> statement-breakpoint
-- hand-added: the built-in roles of an existing installation get the new 予防接種 permissions (permissions.ts)
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['vaccination.view', 'vaccination.edit']::text[]
  WHERE "code" IN ('nurse', 'clerk') AND "builtin" AND NOT ('vaccination.view' = ANY("permissions"));--> statement-breakpoint
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['vaccination.view']::text[]
  WHERE "code" = 'viewer' AND "builtin" AND NOT ('vaccination.view' = ANY("permissions"));
