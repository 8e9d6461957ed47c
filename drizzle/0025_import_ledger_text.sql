DROP INDEX "import_run_rows_action_idx";--> statement-breakpoint
DROP INDEX "import_run_rows_chunk_idx";--> statement-breakpoint
ALTER TABLE "import_run_rows" DROP CONSTRAINT "import_run_rows_run_id_row_no_pk";--> statement-breakpoint
ALTER TABLE "import_run_rows" ALTER COLUMN "raw" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "import_run_rows" ALTER COLUMN "value" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "import_run_rows" ADD CONSTRAINT "import_run_rows_run_id_chunk_no_row_no_pk" PRIMARY KEY("run_id","chunk_no","row_no");