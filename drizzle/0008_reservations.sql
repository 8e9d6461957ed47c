CREATE TABLE "bookings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" bigint NOT NULL,
	"slot_id" bigint,
	"resident_id" bigint NOT NULL,
	"status" text NOT NULL,
	"waiting_since" timestamp with time zone,
	"source" text NOT NULL,
	"source_ref" bigint,
	"reception" text DEFAULT 'none' NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"reception_note" text DEFAULT '' NOT NULL,
	"received_at" timestamp with time zone,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- hand-edited: 集団検診日程 become the reservations engine's sessions (ids and data kept)
ALTER TABLE "screening_sessions" RENAME TO "reservation_sessions";--> statement-breakpoint
ALTER SEQUENCE "screening_sessions_id_seq" RENAME TO "reservation_sessions_id_seq";--> statement-breakpoint
ALTER TABLE "reservation_sessions" RENAME CONSTRAINT "screening_sessions_pkey" TO "reservation_sessions_pkey";--> statement-breakpoint
ALTER INDEX "screening_sessions_year_idx" RENAME TO "reservation_sessions_year_idx";--> statement-breakpoint
ALTER TABLE "reservation_sessions" ADD COLUMN "purpose" text DEFAULT 'adult-health.group' NOT NULL;--> statement-breakpoint
ALTER TABLE "reservation_sessions" ADD COLUMN "cutoff_date" date;--> statement-breakpoint
ALTER TABLE "reservation_sessions" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
CREATE TABLE "reservation_slots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" bigint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_active_resident_idx" ON "bookings" USING btree ("session_id","resident_id") WHERE "bookings"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "bookings_session_status_idx" ON "bookings" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "bookings_resident_idx" ON "bookings" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "reservation_slots_session_idx" ON "reservation_slots" USING btree ("session_id");--> statement-breakpoint
-- hand-added: every booked 受診希望 becomes a booking (bookings are the only truth for the 定員 from now on)
INSERT INTO "bookings" ("session_id", "resident_id", "status", "source", "source_ref", "created_by", "created_at", "updated_at")
  SELECT "session_id", "resident_id", 'booked', 'adult-health.preference', "id", "updated_by", "updated_at", "updated_at"
  FROM "screening_preferences" WHERE "session_id" IS NOT NULL;
--> statement-breakpoint
-- hand-added: the built-in roles of an existing installation get the new 日程・予約 permissions (permissions.ts)
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['reservations.view', 'reservations.manage']::text[]
  WHERE "code" = 'admin' AND "builtin" AND NOT ('reservations.view' = ANY("permissions"));--> statement-breakpoint
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['reservations.view', 'reservations.book', 'reservations.manage']::text[]
  WHERE "code" IN ('nurse', 'clerk') AND "builtin" AND NOT ('reservations.view' = ANY("permissions"));--> statement-breakpoint
UPDATE "roles" SET "permissions" = "permissions" || ARRAY['reservations.view']::text[]
  WHERE "code" = 'viewer' AND "builtin" AND NOT ('reservations.view' = ANY("permissions"));
