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
