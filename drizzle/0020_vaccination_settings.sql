CREATE TABLE "vaccination_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"month_end_rule" text DEFAULT 'mhlw' NOT NULL,
	"seasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- hand-added: the one row, national defaults
INSERT INTO "vaccination_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
