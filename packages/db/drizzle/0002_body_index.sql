DROP INDEX "message_account_thread_idx";--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "text_part" jsonb;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "body_indexed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "message_body_pending_idx" ON "message" USING btree ("account_id","mailbox_id","uid" DESC NULLS LAST) WHERE not "message"."body_indexed";