-- Teams: members as an array in round-robin order; name_key is the name upper-cased by SmbBot (its case-insensitive
-- rule), unique, so two hosts cannot give two teams one name.
CREATE TABLE teams (
    id               text PRIMARY KEY,
    name             text NOT NULL,
    name_key         text NOT NULL UNIQUE,
    members          text[] NOT NULL,
    auto_assign      text NOT NULL,
    last_assigned_id text
);

-- The queue's "my teams" tab reads the teams of one member.
CREATE INDEX teams_members ON teams USING gin (members);
