ALTER TABLE "outgoing_mail" ADD COLUMN "sent_copy" text;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "sent_copy_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "sent_copy_look_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "sent_copy_raw_base64" text;--> statement-breakpoint
CREATE INDEX "outgoing_mail_sent_copy_due_idx" ON "outgoing_mail" USING btree ("account_id","sent_copy_check_at") WHERE "outgoing_mail"."sent_copy" = 'awaiting';