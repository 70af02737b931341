-- Tickets: the columns the queue filters and sorts by, the rest of the ticket as one JSONB document.
CREATE SEQUENCE ticket_numbers AS integer START 1;

CREATE TABLE tickets (
    id                     integer PRIMARY KEY,
    queue_key              text COLLATE "C" NOT NULL,
    status                 text NOT NULL,
    priority               integer NOT NULL,
    category               text NOT NULL,
    assigned_to_id         text,
    team_id                text NOT NULL,
    conversation_id        text NOT NULL,
    user_id                text NOT NULL,
    customer_email         text,
    customer_id            text,
    auto_assigned_at       timestamptz,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    conversation_reference text NOT NULL,
    doc                    jsonb NOT NULL
);

-- The queue reads in queue_key order; open tickets sort first, so the first page stops early.
CREATE INDEX tickets_queue ON tickets (queue_key);
CREATE INDEX tickets_status ON tickets (status);
CREATE INDEX tickets_assigned ON tickets (assigned_to_id, queue_key);
CREATE INDEX tickets_team ON tickets (team_id, queue_key);
CREATE INDEX tickets_conversation ON tickets (conversation_id);
CREATE INDEX tickets_customer_email ON tickets (customer_email);
CREATE INDEX tickets_customer_id ON tickets (customer_id);
CREATE INDEX tickets_awaiting ON tickets (auto_assigned_at) WHERE auto_assigned_at IS NOT NULL;
CREATE INDEX tickets_closed ON tickets (updated_at) WHERE status IN ('Resolved', 'Closed');
