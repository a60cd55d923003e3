-- 0005: Smaregi. Transactions received (by push or pull) are kept by transactionHeadId,
-- so that one arriving twice is applied once; what each one did (contracts, a payment)
-- so that its cancellation can undo it; the IDコード the receiver accepts, by hash only;
-- and where the pull stopped.
CREATE TABLE smaregi_transactions (
    head_id        INTEGER PRIMARY KEY,           -- transactionHeadId
    transacted_at  TEXT NOT NULL,                 -- transactionDateTime, local
    customer_ref   TEXT NOT NULL DEFAULT '',      -- Smaregi's customerId ('' no member)
    cancelled      INTEGER NOT NULL DEFAULT 0,    -- cancelDivision 1 seen
    body           TEXT NOT NULL,                 -- the transaction as received (JSON)
    via            TEXT NOT NULL,                 -- push or pull (the first that brought it)
    received_at    TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT ''       -- what applying it did, for support
);

CREATE TABLE smaregi_contracts (
    head_id     INTEGER NOT NULL REFERENCES smaregi_transactions (head_id) ON DELETE CASCADE,
    detail_id   INTEGER NOT NULL,
    contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    PRIMARY KEY (head_id, detail_id)
);

CREATE TABLE smaregi_receiver_tokens (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,             -- SHA-256 hex of the IDコード; the code itself is never kept
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    revoked_at  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE smaregi_pull (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    last_head_id INTEGER NOT NULL DEFAULT 0,
    pulled_at    TEXT NOT NULL DEFAULT ''
);
