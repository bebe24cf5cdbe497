ALTER TYPE "public"."clue_source" ADD VALUE 'campaign';--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "check_in_id" integer;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clues_check_in_key" ON "clues" USING btree ("check_in_id") WHERE "clues"."check_in_id" IS NOT NULL;