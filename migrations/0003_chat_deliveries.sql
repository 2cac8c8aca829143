-- 0003 chat_deliveries and digest_runs: claims that make at-least-once deliveries act exactly once.
-- Why: Slack retries events and several bot instances may receive the same delivery; the first instance to insert
-- the delivery id answers, every other insert hits the primary key and does nothing. Digests are claimed per
-- channel and period the same way, so a job re-run after a crash never posts a second digest.
CREATE TABLE chat_deliveries (
    delivery_id  text PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    instance     text NOT NULL
);

CREATE INDEX chat_deliveries_received_idx ON chat_deliveries (received_at);

CREATE TABLE digest_runs (
    channel       text NOT NULL,
    period        text NOT NULL CHECK (period IN ('daily', 'weekly')),
    period_start  timestamptz NOT NULL,
    posted_at     timestamptz NOT NULL,
    PRIMARY KEY (channel, period, period_start)
);
