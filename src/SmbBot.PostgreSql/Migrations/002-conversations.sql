-- The bot's memory of each conversation: the columns the janitor and the privacy search read, the record as JSONB.
CREATE TABLE conversations (
    id             text PRIMARY KEY,
    user_id        text NOT NULL,
    email          text,
    customer_id    text,
    open_ticket_id integer,
    updated_at     timestamptz NOT NULL,
    doc            jsonb NOT NULL
);

-- The janitor deletes idle conversations without an open ticket.
CREATE INDEX conversations_idle ON conversations (updated_at) WHERE open_ticket_id IS NULL;
CREATE INDEX conversations_user ON conversations (user_id);
CREATE INDEX conversations_email ON conversations (lower(btrim(email)));
CREATE INDEX conversations_customer ON conversations (customer_id);
