DROP INDEX "residents_kana_key_prefix_idx";--> statement-breakpoint
CREATE INDEX "residents_kana_key_c_idx" ON "residents" USING btree ("kana_key" COLLATE "C");--> statement-breakpoint
CREATE INDEX "residents_name_key_c_idx" ON "residents" USING btree ("name_key" COLLATE "C");