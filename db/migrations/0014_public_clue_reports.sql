CREATE TABLE "clue_report_photos" (
	"report_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"sha256" text NOT NULL,
	"thumbnail_sha256" text NOT NULL,
	"source_media_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"taken_at" timestamp with time zone,
	CONSTRAINT "clue_report_photos_report_id_position_pk" PRIMARY KEY("report_id","position"),
	CONSTRAINT "clue_report_photos_position" CHECK ("clue_report_photos"."position" BETWEEN 0 AND 3),
	CONSTRAINT "clue_report_photos_sha256_hex" CHECK ("clue_report_photos"."sha256" ~ '^[0-9a-f]{64}$' AND "clue_report_photos"."thumbnail_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "clue_report_photos_media_type" CHECK ("clue_report_photos"."source_media_type" IN ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE TABLE "clue_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"clue_id" integer NOT NULL,
	"contact_phone" text,
	"position_source" text NOT NULL,
	"address_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clue_reports_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "clue_reports_clue_id_unique" UNIQUE("clue_id"),
	CONSTRAINT "clue_reports_tracking_code" CHECK ("clue_reports"."tracking_code" ~ '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$'),
	CONSTRAINT "clue_reports_position_source" CHECK ("clue_reports"."position_source" IN ('exif', 'map')),
	CONSTRAINT "clue_reports_address_hash" CHECK ("clue_reports"."address_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "clue_report_photos" ADD CONSTRAINT "clue_report_photos_report_id_clue_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."clue_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_reports" ADD CONSTRAINT "clue_reports_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clue_report_photos_sha256_idx" ON "clue_report_photos" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "clue_reports_address_created_idx" ON "clue_reports" USING btree ("address_hash","created_at");