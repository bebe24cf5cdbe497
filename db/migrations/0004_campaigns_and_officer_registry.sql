CREATE TYPE "public"."officer_relation_kind" AS ENUM('close_relative', 'financial_interest', 'former_employment', 'other');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'submitted', 'approved', 'active', 'closed');--> statement-breakpoint
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
CREATE TABLE "campaign_versions" (
	"campaign_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"return_note" text,
	CONSTRAINT "campaign_versions_campaign_id_version_pk" PRIMARY KEY("campaign_id","version"),
	CONSTRAINT "campaign_versions_positive" CHECK ("campaign_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"districts" text[] NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_has_district" CHECK (cardinality("campaigns"."districts") > 0)
);
--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "home_street_code" text;--> statement-breakpoint
ALTER TABLE "officer_relations" ADD CONSTRAINT "officer_relations_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_relations" ADD CONSTRAINT "officer_relations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_versions" ADD CONSTRAINT "campaign_versions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_versions" ADD CONSTRAINT "campaign_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_versions" ADD CONSTRAINT "campaign_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_versions" ADD CONSTRAINT "campaign_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officer_relations_institution_idx" ON "officer_relations" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "campaigns_districts_gin" ON "campaigns" USING gin ("districts");--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_home_street_code_streets_code_fk" FOREIGN KEY ("home_street_code") REFERENCES "public"."streets"("code") ON DELETE no action ON UPDATE no action;