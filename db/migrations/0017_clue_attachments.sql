CREATE TABLE "clue_attachments" (
	"clue_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"sha256" text NOT NULL,
	"thumbnail_sha256" text NOT NULL,
	"source_media_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"taken_at" timestamp with time zone,
	CONSTRAINT "clue_attachments_clue_id_position_pk" PRIMARY KEY("clue_id","position"),
	CONSTRAINT "clue_attachments_position" CHECK ("clue_attachments"."position" BETWEEN 0 AND 3),
	CONSTRAINT "clue_attachments_sha256_hex" CHECK ("clue_attachments"."sha256" ~ '^[0-9a-f]{64}$' AND "clue_attachments"."thumbnail_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "clue_attachments_media_type" CHECK ("clue_attachments"."source_media_type" IN ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
ALTER TABLE "clue_attachments" ADD CONSTRAINT "clue_attachments_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clue_attachments_sha256_idx" ON "clue_attachments" USING btree ("sha256");