CREATE TABLE "wall_displays" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"district_code" text,
	"playlist" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_paired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "wall_displays_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "wall_displays_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "wall_displays_name" CHECK (btrim("wall_displays"."name") <> '')
);
--> statement-breakpoint
ALTER TABLE "wall_displays" ADD CONSTRAINT "wall_displays_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_displays" ADD CONSTRAINT "wall_displays_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;