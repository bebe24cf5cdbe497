CREATE TYPE "public"."check_in_result" AS ENUM('compliant', 'rectify', 'case', 'banned', 'not_open', 'no_entry');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'field';--> statement-breakpoint
CREATE TABLE "campaign_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"version" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"correction_note" text,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_publications_version" UNIQUE("campaign_id","version")
);
--> statement-breakpoint
CREATE TABLE "check_in_photos" (
	"check_in_id" integer NOT NULL,
	"photo_sha256" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "check_in_photos_check_in_id_photo_sha256_pk" PRIMARY KEY("check_in_id","photo_sha256")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"campaign_id" integer NOT NULL,
	"campaign_version" integer NOT NULL,
	"team_id" text NOT NULL,
	"target_key" text NOT NULL,
	"district_code" text NOT NULL,
	"result" "check_in_result" NOT NULL,
	"findings" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"position" geometry(Point,4326),
	"position_accuracy_metres" real,
	"distance_metres" real,
	"far_from_target" boolean NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"recorded_by_officer" integer NOT NULL,
	"recorded_by_user" integer NOT NULL,
	"cosigned_by_officer" integer,
	"cosigned_at" timestamp with time zone,
	"cosign_position" geometry(Point,4326),
	CONSTRAINT "check_ins_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "check_ins_stop" UNIQUE("campaign_id","team_id","target_key"),
	CONSTRAINT "check_ins_cosigner_differs" CHECK ("check_ins"."cosigned_by_officer" IS NULL OR "check_ins"."cosigned_by_officer" <> "check_ins"."recorded_by_officer"),
	CONSTRAINT "check_ins_cosign_complete" CHECK (("check_ins"."cosigned_by_officer" IS NULL) = ("check_ins"."cosigned_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"district_code" text,
	"campaign_id" integer,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"sha256" text PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"thumbnail_sha256" text NOT NULL,
	"taken_at" timestamp with time zone,
	"exif_location" geometry(Point,4326),
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "photos_sha256_hex" CHECK ("photos"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "photos_media_type" CHECK ("photos"."media_type" IN ('image/jpeg', 'image/png'))
);
--> statement-breakpoint
CREATE TABLE "stop_arrivals" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"campaign_id" integer NOT NULL,
	"team_id" text NOT NULL,
	"target_key" text NOT NULL,
	"district_code" text NOT NULL,
	"officer_id" integer NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"position" geometry(Point,4326),
	"distance_metres" real,
	CONSTRAINT "stop_arrivals_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "stop_arrivals_stop" UNIQUE("campaign_id","team_id","target_key")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "officer_id" integer;--> statement-breakpoint
ALTER TABLE "campaign_publications" ADD CONSTRAINT "campaign_publications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_publications" ADD CONSTRAINT "campaign_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_photos" ADD CONSTRAINT "check_in_photos_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_photos" ADD CONSTRAINT "check_in_photos_photo_sha256_photos_sha256_fk" FOREIGN KEY ("photo_sha256") REFERENCES "public"."photos"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_recorded_by_officer_officers_id_fk" FOREIGN KEY ("recorded_by_officer") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_recorded_by_user_users_id_fk" FOREIGN KEY ("recorded_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_cosigned_by_officer_officers_id_fk" FOREIGN KEY ("cosigned_by_officer") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_arrivals" ADD CONSTRAINT "stop_arrivals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_arrivals" ADD CONSTRAINT "stop_arrivals_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_arrivals" ADD CONSTRAINT "stop_arrivals_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_photos_photo_idx" ON "check_in_photos" USING btree ("photo_sha256");--> statement-breakpoint
CREATE INDEX "check_ins_campaign_idx" ON "check_ins" USING btree ("campaign_id","district_code");--> statement-breakpoint
CREATE INDEX "live_events_district_idx" ON "live_events" USING btree ("district_code","id");--> statement-breakpoint
CREATE INDEX "stop_arrivals_campaign_idx" ON "stop_arrivals" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_officer_id_unique" UNIQUE("officer_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_field_officer" CHECK (("users"."officer_id" IS NOT NULL) = ("users"."role"::text = 'field'));