CREATE TABLE "maternal_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"voucher_plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"epds_follow_up_threshold" integer,
	"epds_self_harm_threshold" integer,
	"low_birth_weight_grams" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
