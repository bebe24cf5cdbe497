CREATE TYPE "public"."clue_kind" AS ENUM('urgent', 'consultation', 'complaint');--> statement-breakpoint
CREATE TABLE "responsibility_matrices" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "responsibility_matrices_version" CHECK ("responsibility_matrices"."version" >= 1),
	CONSTRAINT "responsibility_matrices_rules_array" CHECK (jsonb_typeof("responsibility_matrices"."rules") = 'array')
);
--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "kind" "clue_kind" DEFAULT 'complaint' NOT NULL;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "caller_phone" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "lead_department" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "co_departments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "matrix_rule_id" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "matrix_version" integer;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "dispatch_reason" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "whistle" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "extension_days" integer;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "extension_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "extension_requested_by" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "handling_result" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "public_feedback" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "verification_evidence" jsonb;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "verification_result" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "closing_result" text;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_lead_department_departments_code_fk" FOREIGN KEY ("lead_department") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_parent_id_clues_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clues_parent_idx" ON "clues" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "clues_open_due_idx" ON "clues" USING btree ("due_at") WHERE "clues"."status" NOT IN ('closed', 'rejected');--> statement-breakpoint
CREATE UNIQUE INDEX "clues_source_external_id_key" ON "clues" USING btree ("source","external_id") WHERE "clues"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "live_events_escalated_clue_idx" ON "live_events" USING btree (("payload" ->> 'clueId')) WHERE "live_events"."kind" = 'clue.escalated';--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_not_own_parent" CHECK ("clues"."parent_id" IS NULL OR "clues"."parent_id" <> "clues"."id");--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_reopen_count" CHECK ("clues"."reopen_count" >= 0);--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_extension_days" CHECK ("clues"."extension_days" IS NULL OR "clues"."extension_days" BETWEEN 1 AND 30);--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_co_departments_array" CHECK (jsonb_typeof("clues"."co_departments") = 'array');--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_attachments_array" CHECK (jsonb_typeof("clues"."attachments") = 'array');