ALTER TABLE "vaccination_relief_cases" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "vaccination_relief_cases" ADD COLUMN "withdraw_reason" text DEFAULT '' NOT NULL;