-- Periodic jobs run once per interval across hosts: the host that moves last_run forward runs the pass.
CREATE TABLE job_runs (
    job      text PRIMARY KEY,
    last_run timestamptz NOT NULL,
    host     text NOT NULL
);
