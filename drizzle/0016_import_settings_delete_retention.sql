ALTER TABLE "import_runs" DROP CONSTRAINT "import_runs_setting_id_import_settings_id_fk";
--> statement-breakpoint
ALTER TABLE "import_runs" ALTER COLUMN "setting_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "rows_note" text;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_setting_id_import_settings_id_fk" FOREIGN KEY ("setting_id") REFERENCES "public"."import_settings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_retention_idx" ON "import_runs" USING btree ("created_at") WHERE rows_note IS NULL;