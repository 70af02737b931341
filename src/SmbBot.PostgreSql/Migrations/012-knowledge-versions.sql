-- The published versions of the knowledge files, shared by every host: the newest row is the version each host runs.
-- A version's number is the highest plus one, taken under a table lock, so numbers run 1, 2, 3 ... without gaps and two
-- hosts publishing at once get two numbers. The files (faq/*, intents/*.txt, golden.csv) are kept byte for byte: the
-- relative paths and, at the same positions, the contents.
CREATE TABLE knowledge_versions (
    number      integer PRIMARY KEY CHECK (number > 0),
    by_whom     text NOT NULL,
    at          timestamptz NOT NULL,
    summary     text NOT NULL,
    fingerprint text NOT NULL,
    paths       text[] NOT NULL,
    contents    bytea[] NOT NULL CHECK (cardinality(contents) = cardinality(paths))
);
