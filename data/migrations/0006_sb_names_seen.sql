-- 0006: coupon and menu names SALON BOARD used, one row per reservation and name, so that
-- names that map to nothing here are shown (with how many reservations used each and the
-- next one's date) before the next mail fails on them. Written from reservation mails as
-- they are applied, and from the reservation list's メニュー・クーポン cell.
CREATE TABLE sb_names_seen (
    sb_number TEXT NOT NULL,
    kind      TEXT NOT NULL,            -- coupon, menu
    name      TEXT NOT NULL,            -- as SALON BOARD wrote it
    name_norm TEXT NOT NULL,            -- as names are compared
    start_at  TEXT NOT NULL,            -- the reservation's start
    source    TEXT NOT NULL,            -- mail, list
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (sb_number, kind, name_norm)
);
-- The 未対応のクーポン名 list groups by name over a window of starts; a name's
-- reservations are looked up when it is mapped.
CREATE INDEX sb_names_seen_name ON sb_names_seen (kind, name_norm, start_at);
CREATE INDEX sb_names_seen_norm ON sb_names_seen (name_norm);
