-- The audit log of admin actions: append-only. A trigger refuses every UPDATE, DELETE and TRUNCATE, so no code path
-- (and no mistaken statement) can rewrite what an admin did; seq keeps the order of entries made in the same instant.
CREATE TABLE audit (
    seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    action  text COLLATE "C" NOT NULL,
    subject text NOT NULL,
    detail  text NOT NULL
);

-- The privacy page reads the newest entries; settings one action's, knowledge history an action prefix's (LIKE 'x%'
-- uses the index in the C collation).
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_action ON audit (action, at);

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
