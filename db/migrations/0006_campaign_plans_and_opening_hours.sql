CREATE TABLE "campaign_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"campaign_version" integer NOT NULL,
	"plan" jsonb NOT NULL,
	"draw_record" json NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_plans_version" UNIQUE("campaign_id","campaign_version")
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "weekday_opens" time;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "weekday_closes" time;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "weekend_opens" time;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "weekend_closes" time;--> statement-breakpoint
ALTER TABLE "campaign_plans" ADD CONSTRAINT "campaign_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_plans" ADD CONSTRAINT "campaign_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_plans_campaign_idx" ON "campaign_plans" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_weekday_hours" CHECK (("institutions"."weekday_opens" IS NULL) = ("institutions"."weekday_closes" IS NULL) AND ("institutions"."weekday_opens" IS NULL OR "institutions"."weekday_opens" < "institutions"."weekday_closes"));--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_weekend_hours" CHECK (("institutions"."weekend_opens" IS NULL) = ("institutions"."weekend_closes" IS NULL) AND ("institutions"."weekend_opens" IS NULL OR "institutions"."weekend_opens" < "institutions"."weekend_closes"));