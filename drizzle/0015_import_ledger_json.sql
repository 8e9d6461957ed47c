ALTER TABLE "import_run_rows" ALTER COLUMN "raw" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "import_run_rows" ALTER COLUMN "value" SET DATA TYPE json;