CREATE TYPE "public"."officer_relation_kind" AS ENUM('close_relative', 'financial_interest', 'former_employment', 'other');--> statement-breakpoint
CREATE TABLE "officer_relations" (
	"id" serial PRIMARY KEY NOT NULL,
	"officer_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"kind" "officer_relation_kind" NOT NULL,
	"note" text NOT NULL,
	"registered_on" date NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "officer_relations_pair" UNIQUE("officer_id","institution_id")
);
--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "home_street_code" text;--> statement-breakpoint
ALTER TABLE "officer_relations" ADD CONSTRAINT "officer_relations_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_relations" ADD CONSTRAINT "officer_relations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officer_relations_institution_idx" ON "officer_relations" USING btree ("institution_id");--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_home_street_code_streets_code_fk" FOREIGN KEY ("home_street_code") REFERENCES "public"."streets"("code") ON DELETE no action ON UPDATE no action;