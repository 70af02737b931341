-- The Direct Line channel: conversations with their last sequence number (the watermark) and stored bytes, and the
-- activities as the exact JSON text the client receives, keyed by conversation and sequence number.
CREATE TABLE dl_conversations (
    id               text PRIMARY KEY,
    user_id          text NOT NULL,
    verified         boolean NOT NULL,
    created_at       timestamptz NOT NULL,
    last_active_at   timestamptz NOT NULL,
    last_seq         integer NOT NULL DEFAULT 0,
    stored_bytes     bigint NOT NULL DEFAULT 0,
    token_generation integer NOT NULL DEFAULT 0
);

-- The janitor deletes idle conversations; the privacy search finds a person's by user id.
CREATE INDEX dl_conversations_idle ON dl_conversations (last_active_at);
CREATE INDEX dl_conversations_user ON dl_conversations (user_id);

-- Every poll and stream reads "activities of conversation X after watermark W": the primary key is that index.
CREATE TABLE dl_activities (
    conversation_id text NOT NULL REFERENCES dl_conversations ON DELETE CASCADE,
    seq             integer NOT NULL,
    bytes           integer NOT NULL,
    json            text NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
