CREATE TYPE "public"."violation_kind" AS ENUM('unlicensed_operation', 'academic_training', 'false_advertising', 'overcharging', 'moonlighting_teacher', 'unfiled_course', 'disclosure', 'safety');--> statement-breakpoint
CREATE TABLE "violations" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" "violation_kind" NOT NULL,
	"description" text NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "violations_institution_occurred_idx" ON "violations" USING btree ("institution_id","occurred_on");--> statement-breakpoint
ALTER TABLE "institutions" DROP COLUMN "violation_count";