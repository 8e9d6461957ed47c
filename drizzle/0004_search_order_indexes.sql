DROP INDEX "residents_kana_key_prefix_idx";--> statement-breakpoint
CREATE INDEX "residents_kana_order_idx" ON "residents" USING btree ("kana_key" COLLATE "C","birth_date","id");--> statement-breakpoint
CREATE INDEX "residents_name_order_idx" ON "residents" USING btree ("name_key" COLLATE "C","birth_date","id");