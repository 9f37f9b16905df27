ALTER TABLE "mail_account" ADD COLUMN "colour" text;--> statement-breakpoint
ALTER TABLE "mail_account" ADD COLUMN "position" integer;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "default_account_id" uuid;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "reading_pane" text;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_default_account_id_mail_account_id_fk" FOREIGN KEY ("default_account_id") REFERENCES "public"."mail_account"("id") ON DELETE set null ON UPDATE no action;