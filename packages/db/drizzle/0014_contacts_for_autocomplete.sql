CREATE TABLE "contact" (
	"account_id" uuid NOT NULL,
	"address" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"times" integer DEFAULT 0 NOT NULL,
	"score" double precision DEFAULT 0 NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	CONSTRAINT "contact_account_id_address_pk" PRIMARY KEY("account_id","address")
);
--> statement-breakpoint
DROP INDEX "message_account_from_address_idx";--> statement-breakpoint
DROP INDEX "message_account_from_name_idx";--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_account_id_mail_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."mail_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_account_address_prefix_idx" ON "contact" USING btree ("account_id","address" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contact_account_name_prefix_idx" ON "contact" USING btree ("account_id",lower("name") text_pattern_ops);--> statement-breakpoint
-- Contacts from message inserts: one grouped upsert per INSERT statement (the mirror
-- writes in batches), scores combined as decayed sums: each side decayed to the later
-- lastSeen, then added (half-life 30 days = 2,592,000 s).
CREATE FUNCTION contact_from_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contact AS c (account_id, address, name, times, score, last_seen)
  SELECT account_id, address,
         coalesce((array_agg(name ORDER BY at DESC) FILTER (WHERE name <> ''))[1], ''),
         count(*),
         sum(power(0.5, extract(epoch FROM (max_at - at)) / 2592000)),
         max_at
  FROM (
    SELECT account_id, lower(n."from"->>'address') AS address,
           coalesce(n."from"->>'name', '') AS name, n.received_at AS at,
           max(n.received_at) OVER (PARTITION BY account_id, lower(n."from"->>'address')) AS max_at
    FROM new_rows n
    WHERE n."from"->>'address' LIKE '%_@_%'
  ) seen
  GROUP BY account_id, address, max_at
  ON CONFLICT (account_id, address) DO UPDATE SET
    times = c.times + excluded.times,
    score = c.score * power(0.5, extract(epoch FROM (greatest(c.last_seen, excluded.last_seen) - c.last_seen)) / 2592000)
          + excluded.score * power(0.5, extract(epoch FROM (greatest(c.last_seen, excluded.last_seen) - excluded.last_seen)) / 2592000),
    name = CASE WHEN excluded.name <> '' AND (excluded.last_seen >= c.last_seen OR c.name = '')
                THEN excluded.name ELSE c.name END,
    last_seen = greatest(c.last_seen, excluded.last_seen);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER message_contacts AFTER INSERT ON message
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_from_messages();
--> statement-breakpoint
-- what the mirror already holds
INSERT INTO contact (account_id, address, name, times, score, last_seen)
SELECT account_id, address,
       coalesce((array_agg(name ORDER BY at DESC) FILTER (WHERE name <> ''))[1], ''),
       count(*),
       sum(power(0.5, extract(epoch FROM (max_at - at)) / 2592000)),
       max_at
FROM (
  SELECT account_id, lower(m."from"->>'address') AS address,
         coalesce(m."from"->>'name', '') AS name, m.received_at AS at,
         max(m.received_at) OVER (PARTITION BY account_id, lower(m."from"->>'address')) AS max_at
  FROM message m
  WHERE m."from"->>'address' LIKE '%_@_%'
) seen
GROUP BY account_id, address, max_at;
