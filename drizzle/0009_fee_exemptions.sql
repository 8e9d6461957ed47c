CREATE TABLE "screening_fee_exemptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "screening_fee_exemptions_resident_idx" ON "screening_fee_exemptions" USING btree ("resident_id");--> statement-breakpoint
-- hand-added: 事業マスタ saved before 免除 kinds existed get the 指針 default (生活保護・非課税)
UPDATE "program_settings" SET "settings" = jsonb_set("settings", '{fees,exemptKinds}', '["welfare","tax_exempt"]'::jsonb)
WHERE NOT ("settings"->'fees' ? 'exemptKinds');
