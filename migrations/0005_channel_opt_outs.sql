-- 0005 channel_opt_outs: conversations that asked the bot not to answer overheard pasted lines (`/502 optout`).
-- Why: the choice must survive restarts and hold on every bot instance; explicit commands still work there.
CREATE TABLE channel_opt_outs (
    chat_channel     text NOT NULL,
    conversation_id  text NOT NULL,
    opted_out_at     timestamptz NOT NULL,
    PRIMARY KEY (chat_channel, conversation_id)
);
