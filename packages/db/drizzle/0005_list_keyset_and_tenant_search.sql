-- btree_gin (core contrib): lets the search GIN index carry account_id as its first key
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE TABLE "recent_search" (
	"user_id" text NOT NULL,
	"query" text NOT NULL,
	"searched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recent_search_user_id_query_pk" PRIMARY KEY("user_id","query")
);
--> statement-breakpoint
DROP INDEX "message_search_idx";--> statement-breakpoint
DROP INDEX "message_account_mailbox_received_idx";--> statement-breakpoint
ALTER TABLE "recent_search" ADD CONSTRAINT "recent_search_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_account_received_idx" ON "message" USING btree ("account_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "message_account_flagged_idx" ON "message" USING btree ("account_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "message"."flagged";--> statement-breakpoint
CREATE INDEX "message_account_unread_idx" ON "message" USING btree ("account_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE not "message"."seen";--> statement-breakpoint
CREATE INDEX "message_account_search_idx" ON "message" USING gin ("account_id","search_document");--> statement-breakpoint
CREATE INDEX "message_account_mailbox_received_idx" ON "message" USING btree ("account_id","mailbox_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);