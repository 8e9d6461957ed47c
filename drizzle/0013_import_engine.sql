CREATE TABLE "import_run_chunks" (
	"run_id" bigint NOT NULL,
	"chunk_no" integer NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_run_chunks_run_id_chunk_no_pk" PRIMARY KEY("run_id","chunk_no")
);
--> statement-breakpoint
CREATE TABLE "import_run_rows" (
	"run_id" bigint NOT NULL,
	"row_no" integer NOT NULL,
	"chunk_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"key" text,
	"action" text NOT NULL,
	"errors" jsonb,
	"changes" jsonb,
	"warning" text,
	"resident_id" bigint,
	"label" text,
	"value" jsonb,
	CONSTRAINT "import_run_rows_run_id_row_no_pk" PRIMARY KEY("run_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target" text NOT NULL,
	"setting_id" bigint NOT NULL,
	"setting" jsonb NOT NULL,
	"file_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"encoding" text,
	"header" jsonb,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"only_valid" boolean DEFAULT false NOT NULL,
	"validate_job_id" bigint,
	"commit_job_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_settings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target" text NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text DEFAULT 'auto' NOT NULL,
	"has_header" boolean DEFAULT true NOT NULL,
	"record_element" text,
	"mapping" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_setting_id_import_settings_id_fk" FOREIGN KEY ("setting_id") REFERENCES "public"."import_settings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_run_rows_action_idx" ON "import_run_rows" USING btree ("run_id","action","row_no");--> statement-breakpoint
CREATE INDEX "import_run_rows_chunk_idx" ON "import_run_rows" USING btree ("run_id","chunk_no");--> statement-breakpoint
CREATE INDEX "import_runs_target_idx" ON "import_runs" USING btree ("target","id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_settings_target_name_idx" ON "import_settings" USING btree ("target","name");