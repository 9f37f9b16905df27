ALTER TABLE "mail_account" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "mail_account" ADD COLUMN "last_error_params" jsonb;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "last_error_params" jsonb;