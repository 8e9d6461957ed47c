ALTER TABLE "screening_preferences" ADD COLUMN "wants_group" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- a booked session is 集団 by definition (hand-added: set before the check constraint below)
UPDATE "screening_preferences" SET "wants_group" = true WHERE "session_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_preferences" ADD CONSTRAINT "screening_preferences_session_group_check" CHECK ("screening_preferences"."session_id" IS NULL OR "screening_preferences"."wants_group");
