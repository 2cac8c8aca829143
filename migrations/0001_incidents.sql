-- 0001 incidents: one row per nginx 502 incident.
-- Why: the bot opens an incident on the first report and joins later reports for the same upstream or virtual host,
-- so the post-mortem, the digests and the incident pages all read one record per outage.
-- The id is a client-generated UUID (v7, time-ordered) so an incident opened while PostgreSQL is unreachable can be
-- written to the local outbox first and inserted later under the same id; `number` is the short id people type.
CREATE TABLE incidents (
    id               uuid PRIMARY KEY,
    number           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    status           text NOT NULL CHECK (status IN ('open', 'mitigated', 'resolved')),
    severity         text NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4')),
    title            text NOT NULL,
    hosts            text[] NOT NULL DEFAULT '{}',
    virtual_hosts    text[] NOT NULL DEFAULT '{}',
    upstreams        text[] NOT NULL DEFAULT '{}',
    -- Root-cause id from shared/reference/causes.md section 2 (or the line-level id when nothing refined it).
    root_cause       text NULL,
    -- From the log timestamps, not from when the bot heard about it.
    first_502_at     timestamptz NULL,
    last_502_at      timestamptz NULL,
    count_502        bigint NOT NULL DEFAULT 0,
    detected_at      timestamptz NOT NULL,
    acknowledged_at  timestamptz NULL,
    mitigated_at     timestamptz NULL,
    resolved_at      timestamptz NULL,
    reopened_count   integer NOT NULL DEFAULT 0,
    postmortem_at    timestamptz NULL,
    postmortem_reminded_at timestamptz NULL,
    channel          text NULL,
    thread_ts        text NULL,
    updated_at       timestamptz NOT NULL,
    -- Incremented by every change; an outbox replay of an older snapshot (lower version) never overwrites a newer row,
    -- whatever the clocks of the replicas say.
    version          bigint NOT NULL DEFAULT 1
);

-- The join lookup ("an open incident for this upstream or virtual host") and the stale sweep read only live rows.
CREATE INDEX incidents_live_idx ON incidents (status, updated_at) WHERE status <> 'resolved';
CREATE INDEX incidents_upstreams_idx ON incidents USING gin (upstreams);
CREATE INDEX incidents_virtual_hosts_idx ON incidents USING gin (virtual_hosts);
-- Digests and the list page scan by detection time.
CREATE INDEX incidents_detected_idx ON incidents (detected_at);
