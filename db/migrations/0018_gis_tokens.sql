CREATE TABLE "gis_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"district_code" text,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "gis_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "gis_tokens_name" CHECK (btrim("gis_tokens"."name") <> '')
);
--> statement-breakpoint
ALTER TABLE "gis_tokens" ADD CONSTRAINT "gis_tokens_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;