-- The outbox: alerts and e-mail waiting to be sent. Flat columns (a message has no nested parts). claimed_until is the
-- sending host's claim: another host skips the message until it lapses, so a host that dies mid-send loses nothing.
CREATE TABLE outbox (
    id               text PRIMARY KEY,
    channel          text NOT NULL,
    kind             text NOT NULL,
    ticket_id        integer,
    conversation_id  text NOT NULL,
    to_address       text NOT NULL,
    subject          text NOT NULL,
    body             text NOT NULL,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    attempts         integer NOT NULL,
    last_attempt_at  timestamptz,
    last_error       text,
    sent_at          timestamptz,
    gave_up          boolean NOT NULL,
    message_id       text,
    in_reply_to      text,
    references_ids   text,
    chat_activity_id text,
    not_needed       text,
    claimed_until    timestamptz
);

-- The sender's read: messages still waiting, by when they are due.
CREATE INDEX outbox_waiting ON outbox (next_attempt_at) WHERE sent_at IS NULL AND NOT gave_up AND not_needed IS NULL;
-- /health/ready counts the unsent ones.
CREATE INDEX outbox_unsent ON outbox (last_attempt_at) WHERE sent_at IS NULL AND not_needed IS NULL;
CREATE INDEX outbox_ticket ON outbox (ticket_id);
CREATE INDEX outbox_message_id ON outbox (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX outbox_conversation ON outbox (conversation_id);
CREATE INDEX outbox_to ON outbox (lower(btrim(to_address)));
