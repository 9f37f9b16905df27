CREATE TABLE "thread_link" (
	"account_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"thread_id" uuid NOT NULL,
	CONSTRAINT "thread_link_account_id_message_id_pk" PRIMARY KEY("account_id","message_id")
);
--> statement-breakpoint
DROP INDEX "thread_account_subject_idx";--> statement-breakpoint
ALTER TABLE "thread_link" ADD CONSTRAINT "thread_link_account_id_mail_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."mail_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "thread_account_subject_date_idx" ON "thread" USING btree ("account_id","subject_key","last_date" DESC NULLS LAST);--> statement-breakpoint
-- mirrors threaded before this table existed: their Message-IDs and the IDs they name
INSERT INTO "thread_link" ("account_id", "message_id", "thread_id")
SELECT DISTINCT ON ("account_id", "id") "account_id", "id", "thread_id"
FROM (
	SELECT "account_id", "thread_id", unnest("references" || "in_reply_to" || "message_id") AS "id"
	FROM "message" WHERE "thread_id" IS NOT NULL
) AS "named"
WHERE "id" IS NOT NULL
ORDER BY "account_id", "id"
ON CONFLICT DO NOTHING;
