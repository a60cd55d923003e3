-- 0002: SALON BOARD mails already handled, by Message-ID, so that a mail read twice
-- (a reconnect, a new UIDVALIDITY) is not applied twice.
CREATE TABLE processed_mails (
    message_id   TEXT PRIMARY KEY,
    sb_number    TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL DEFAULT '',
    processed_at TEXT NOT NULL
);
CREATE INDEX processed_mails_number ON processed_mails (sb_number);
