CREATE TABLE "list_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"version" integer NOT NULL,
	"data_as_of" date NOT NULL,
	"entries" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"tier_counts" jsonb NOT NULL,
	"correction_note" text,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "list_publications_month_version" UNIQUE("month","version"),
	CONSTRAINT "list_publications_month_format" CHECK ("list_publications"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "list_publications_version_positive" CHECK ("list_publications"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "list_publications" ADD CONSTRAINT "list_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "list_publications_published_at_idx" ON "list_publications" USING btree ("published_at");