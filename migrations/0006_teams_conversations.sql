-- 0006 teams_conversations: where each Teams conversation the bot heard from is reached (the Bot Connector service
-- URL its activities came from) and whether it is a team channel.
-- Why: digests, reminders and incident posts go to Teams without an incoming activity to answer; after a restart,
-- or on another bot instance, the address must still be known.
CREATE TABLE teams_conversations (
    conversation_id  text PRIMARY KEY,
    service_url      text NOT NULL,
    is_channel       boolean NOT NULL,
    updated_at       timestamptz NOT NULL
);
