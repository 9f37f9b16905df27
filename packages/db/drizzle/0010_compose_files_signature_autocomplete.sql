CREATE TABLE "compose_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'uploading' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compose_file_chunk" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "compose_file_chunk_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
ALTER TABLE "mail_account" ADD COLUMN "signature" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "compose_file" ADD CONSTRAINT "compose_file_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compose_file" ADD CONSTRAINT "compose_file_account_id_mail_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."mail_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compose_file_chunk" ADD CONSTRAINT "compose_file_chunk_file_id_compose_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."compose_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compose_file_user_created_idx" ON "compose_file" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "message_account_from_address_idx" ON "message" USING btree ("account_id",lower("from"->>'address') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "message_account_from_name_idx" ON "message" USING btree ("account_id",lower("from"->>'name') text_pattern_ops);