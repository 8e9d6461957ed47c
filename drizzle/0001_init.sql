CREATE TABLE "resident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"event_code" text NOT NULL,
	"event_date" date NOT NULL,
	"state" jsonb NOT NULL,
	"change_key" text NOT NULL,
	"job_id" bigint,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_secrets" (
	"resident_id" bigint PRIMARY KEY NOT NULL,
	"my_number_enc" text NOT NULL,
	"my_number_mac" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"atena_no" text NOT NULL,
	"household_no" text,
	"name" text NOT NULL,
	"name_kana" text DEFAULT '' NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relationship" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address_extra" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"resident_since" date,
	"resident_until" date,
	"support_measure" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"name_key" text NOT NULL,
	"kana_key" text NOT NULL,
	"address_key" text NOT NULL,
	"last_event_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lg_code" text NOT NULL,
	"mayor_title" text NOT NULL,
	"mayor_name" text NOT NULL,
	"center_name" text NOT NULL,
	"center_postal_code" text NOT NULL,
	"center_address" text NOT NULL,
	"center_phone" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"login_id" text,
	"role_code" text,
	"action" text NOT NULL,
	"screen" text,
	"resident_ids" bigint[],
	"resident_count" integer DEFAULT 0 NOT NULL,
	"purpose" text,
	"sensitive" boolean DEFAULT false NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"detail" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"login_id" text NOT NULL,
	"display_name" text NOT NULL,
	"role_code" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_login_id_unique" UNIQUE("login_id")
);
--> statement-breakpoint
CREATE TABLE "file_chunks" (
	"file_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_row_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" bigint NOT NULL,
	"row_no" integer NOT NULL,
	"column_name" text DEFAULT '' NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"message" text DEFAULT '' NOT NULL,
	"result" jsonb,
	"error" text,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "resident_events" ADD CONSTRAINT "resident_events_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_secrets" ADD CONSTRAINT "resident_secrets_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "public"."roles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_chunks" ADD CONSTRAINT "file_chunks_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_events_resident_idx" ON "resident_events" USING btree ("resident_id","event_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_events_change_key_idx" ON "resident_events" USING btree ("resident_id","change_key");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_atena_no_idx" ON "residents" USING btree ("atena_no");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_no");--> statement-breakpoint
CREATE INDEX "residents_birth_idx" ON "residents" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "residents_kana_key_prefix_idx" ON "residents" USING btree ("kana_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_kana_key_trgm_idx" ON "residents" USING gin ("kana_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_name_key_trgm_idx" ON "residents" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_address_key_trgm_idx" ON "residents" USING gin ("address_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "file_chunks_file_idx" ON "file_chunks" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "import_row_errors_job_idx" ON "import_row_errors" USING btree ("job_id","row_no");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","id");