-- The e-mails read from the support mailbox, one row per Message-ID (or uid:{uidvalidity}:{uid}): the primary key
-- is what keeps two hosts reading the same mailbox from handling one e-mail twice.
CREATE TABLE mail_inbox (
    key       text PRIMARY KEY,
    outcome   text NOT NULL,
    ticket_id integer,
    at        timestamptz NOT NULL
);
