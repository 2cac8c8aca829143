-- 0002 timeline_events: everything that happened during an incident, with its original time.
-- Why: the post-mortem is written from this evidence (reports, received lines, diagnoses, probe results,
-- suggestions, actions, notes, status changes). `occurred_at` is the original time (log timestamp or chat message
-- time); `recorded_at` is when the bot stored it. `idempotency_key` is unique so the local outbox can be flushed
-- again after a crash with INSERT ... ON CONFLICT DO NOTHING and never duplicate an event.
CREATE TABLE timeline_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id      uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    kind             text NOT NULL CHECK (kind IN ('reported', 'lines_received', 'diagnosis', 'probe_result',
                         'remediation_suggested', 'action_taken', 'note', 'status_change')),
    occurred_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    actor            text NOT NULL,
    summary          text NOT NULL,
    details          jsonb NOT NULL DEFAULT '{}',
    pinned           boolean NOT NULL DEFAULT false,
    idempotency_key  text NOT NULL,
    CONSTRAINT timeline_events_idempotency_key_uq UNIQUE (idempotency_key)
);

-- Timeline order: original time, then the order the bot recorded them.
CREATE INDEX timeline_events_incident_time_idx ON timeline_events (incident_id, occurred_at, id);
