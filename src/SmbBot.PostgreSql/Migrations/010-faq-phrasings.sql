-- FAQ phrasings and their embeddings. pgvector is not available, so a vector is a real[]: every host reads the whole
-- table into memory and searches there (an FAQ has hundreds of phrasings), as on LiteDB.
CREATE TABLE faq_phrasings (
    key        text COLLATE "C" PRIMARY KEY,
    faq_id     text NOT NULL,
    kind       text NOT NULL,
    text       text NOT NULL,
    text_hash  text NOT NULL,
    vector     real[] NOT NULL CHECK (cardinality(vector) = 384),
    updated_at timestamptz NOT NULL DEFAULT now()
);
