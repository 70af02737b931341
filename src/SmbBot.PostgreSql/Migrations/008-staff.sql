-- Staff accounts: one row each; the e-mail (lower-cased by SmbBot before it is stored) is the unique sign-in name.
CREATE TABLE staff_accounts (
    id            text PRIMARY KEY,
    email         text NOT NULL UNIQUE,
    display_name  text NOT NULL,
    role          text NOT NULL,
    password_hash text NOT NULL,
    disabled      boolean NOT NULL,
    created_at    timestamptz NOT NULL,
    alerts        jsonb,
    away          boolean NOT NULL,
    away_until    timestamptz
);

-- Failed sign-ins per e-mail and client address, the console's slow-down; shared so that guessing through several
-- hosts is slowed as through one. Pairs quiet for a day are deleted (the index on last finds them).
CREATE TABLE sign_in_failures (
    email   text NOT NULL,
    address text NOT NULL,
    count   integer NOT NULL,
    last    timestamptz NOT NULL,
    PRIMARY KEY (email, address)
);
CREATE INDEX sign_in_failures_last ON sign_in_failures (last);
