ALTER TABLE "check_ins" ADD COLUMN "cosign_idempotency_key" uuid;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "cosign_request_hash" text;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_cosign_idempotency_key_unique" UNIQUE("cosign_idempotency_key");--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_cosign_keyed" CHECK (("check_ins"."cosign_idempotency_key" IS NULL) = ("check_ins"."cosign_request_hash" IS NULL));