-- 0001: the whole salon domain of product.md section 1.
-- Times are local wall-clock text 'YYYY-MM-DD HH:MM' (sortable); days 'YYYY-MM-DD'.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Opening hours per weekday (0 = Sunday). closed=1 means the salon is closed that day.
CREATE TABLE business_hours (
    weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
    open    TEXT NOT NULL DEFAULT '10:00',
    close   TEXT NOT NULL DEFAULT '19:00',
    closed  INTEGER NOT NULL DEFAULT 0
);

-- Salon-wide 受付可能数 lowered (or raised) for one slot: 予約 停止・再開.
CREATE TABLE capacity_overrides (
    day       TEXT NOT NULL,
    slot      TEXT NOT NULL, -- 'HH:MM'
    capacity  INTEGER NOT NULL CHECK (capacity >= 0),
    PRIMARY KEY (day, slot)
);

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    number       INTEGER NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    kana         TEXT NOT NULL CHECK (kana <> ''),
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    birthday     TEXT NOT NULL DEFAULT '',
    sex          TEXT NOT NULL DEFAULT '',
    memo         TEXT NOT NULL DEFAULT '',
    caution      INTEGER NOT NULL DEFAULT 0,
    no_show      INTEGER NOT NULL DEFAULT 0,
    first_visit  TEXT NOT NULL DEFAULT '',
    last_visit   TEXT NOT NULL DEFAULT '',
    visit_count  INTEGER NOT NULL DEFAULT 0,
    origin       TEXT NOT NULL DEFAULT 'entered',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX customers_kana ON customers (kana);
CREATE INDEX customers_phone ON customers (phone);

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (name <> ''),
    kana            TEXT NOT NULL DEFAULT '',
    sb_name         TEXT NOT NULL DEFAULT '',
    sb_id           TEXT NOT NULL DEFAULT '',
    designation_fee INTEGER NOT NULL DEFAULT 0 CHECK (designation_fee >= 0),
    capacity        INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 0),
    work_days       TEXT NOT NULL DEFAULT '0123456', -- weekdays worked, digits 0-6
    work_start      TEXT NOT NULL DEFAULT '',       -- '' = salon hours
    work_end        TEXT NOT NULL DEFAULT '',
    sort_order      INTEGER NOT NULL DEFAULT 0,
    active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE equipment (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
    kana       TEXT NOT NULL DEFAULT '',
    sb_id      TEXT NOT NULL DEFAULT '',
    capacity   INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 0),
    sort_order INTEGER NOT NULL DEFAULT 0,
    active     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE menu_categories (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE menus (
    id           INTEGER PRIMARY KEY,
    category_id  INTEGER NOT NULL REFERENCES menu_categories (id),
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    duration_min INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
    price        INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
    sort_order   INTEGER NOT NULL DEFAULT 0,
    active       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE coupons (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''), -- exactly as published on HPB
    content      TEXT NOT NULL DEFAULT '',
    target       TEXT NOT NULL DEFAULT '全員',            -- 全員 / 新規 / 再来
    price        INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
    duration_min INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
    active       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE coupon_menus (
    coupon_id INTEGER NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
    menu_id   INTEGER NOT NULL REFERENCES menus (id),
    PRIMARY KEY (coupon_id, menu_id)
);

-- An incoming SALON BOARD coupon/menu name (normalised) mapped once by staff.
CREATE TABLE name_aliases (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('coupon', 'menu')),
    name_norm TEXT NOT NULL CHECK (name_norm <> ''),
    coupon_id INTEGER REFERENCES coupons (id) ON DELETE CASCADE,
    menu_id   INTEGER REFERENCES menus (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    UNIQUE (kind, name_norm)
);

CREATE TABLE plans (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE CHECK (name <> ''),
    price              INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
    payment_method     TEXT NOT NULL DEFAULT 'recurring' CHECK (payment_method IN ('lump', 'recurring')),
    visits_per_month   INTEGER NOT NULL DEFAULT 0 CHECK (visits_per_month >= 0),
    active             INTEGER NOT NULL DEFAULT 1
);

-- 商品 (the seed's ネット決済マスタ).
CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
    code           TEXT NOT NULL DEFAULT '',
    price          INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
    payment_method TEXT NOT NULL DEFAULT 'lump' CHECK (payment_method IN ('lump', 'recurring')),
    plan_id        INTEGER REFERENCES plans (id) ON DELETE SET NULL,
    active         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE contracts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    plan_id     INTEGER REFERENCES plans (id),
    product_id  INTEGER REFERENCES products (id),
    started_on  TEXT NOT NULL,
    ended_on    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    source      TEXT NOT NULL DEFAULT 'desk',
    created_at  TEXT NOT NULL
);
CREATE INDEX contracts_customer ON contracts (customer_id);

CREATE TABLE reservations (
    id                INTEGER PRIMARY KEY,
    number            INTEGER NOT NULL UNIQUE,  -- the app's 予約番号, e.g. 807
    sb_number         TEXT UNIQUE,              -- SALON BOARD 予約番号, e.g. BE12345678
    received_at       TEXT NOT NULL,
    start_at          TEXT NOT NULL,            -- 'YYYY-MM-DD HH:MM'
    end_at            TEXT NOT NULL,
    customer_id       INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    customer_name     TEXT NOT NULL DEFAULT '', -- as received (kept when no customer row)
    customer_kana     TEXT NOT NULL DEFAULT '',
    staff_id          INTEGER REFERENCES staff (id),
    designated        INTEGER NOT NULL DEFAULT 0,
    equipment_id      INTEGER REFERENCES equipment (id),
    coupon_id         INTEGER REFERENCES coupons (id),
    coupon_name       TEXT NOT NULL DEFAULT '', -- as received from SALON BOARD
    route             TEXT NOT NULL,
    status            TEXT NOT NULL,
    payment_type      TEXT NOT NULL DEFAULT 'per_visit',
    memo              TEXT NOT NULL DEFAULT '',
    sync_state        TEXT NOT NULL DEFAULT '',
    sync_reason       TEXT NOT NULL DEFAULT '',
    transcribed_check INTEGER NOT NULL DEFAULT 0,
    first_visit       INTEGER NOT NULL DEFAULT 0,
    arrived_at        TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (end_at >= start_at)
);
CREATE INDEX reservations_start ON reservations (start_at);
CREATE INDEX reservations_customer ON reservations (customer_id, start_at);
CREATE INDEX reservations_sync ON reservations (sync_state) WHERE sync_state <> '';

CREATE TABLE reservation_menus (
    reservation_id INTEGER NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
    menu_id        INTEGER NOT NULL REFERENCES menus (id),
    position       INTEGER NOT NULL,
    PRIMARY KEY (reservation_id, menu_id)
);

CREATE TABLE notifications (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT NOT NULL,
    direction      TEXT NOT NULL,  -- app_to_sb, sb_to_app, app_to_smaregi, smaregi_to_app, system
    reason         TEXT NOT NULL DEFAULT '',
    reservation_id INTEGER REFERENCES reservations (id) ON DELETE SET NULL,
    reservation_no TEXT NOT NULL DEFAULT '',
    reservation_at TEXT NOT NULL DEFAULT '',
    detail         TEXT NOT NULL DEFAULT '',
    resolved_at    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_created ON notifications (created_at DESC);
CREATE INDEX notifications_open ON notifications (direction) WHERE resolved_at = '';

-- Durable outbox: written in the same transaction as the change it carries.
CREATE TABLE outbox_jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    ref         TEXT NOT NULL,              -- jobs with the same ref run in order
    payload     TEXT NOT NULL DEFAULT '{}',
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     TEXT NOT NULL,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox_jobs (state, next_at);
CREATE INDEX outbox_ref ON outbox_jobs (ref, id);

CREATE TABLE external_ids (
    system      TEXT NOT NULL,   -- salonboard, smaregi
    kind        TEXT NOT NULL,   -- customer, product, staff, reservation
    local_id    INTEGER NOT NULL,
    external_id TEXT NOT NULL,
    PRIMARY KEY (system, kind, local_id),
    UNIQUE (system, kind, external_id)
);

CREATE TABLE sales (
    id             INTEGER PRIMARY KEY,
    reservation_id INTEGER REFERENCES reservations (id) ON DELETE SET NULL,
    customer_id    INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    sold_at        TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    method         TEXT NOT NULL DEFAULT 'cash',
    memo           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sales_sold ON sales (sold_at);

CREATE TABLE sale_items (
    sale_id  INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    menu_id  INTEGER REFERENCES menus (id),
    name     TEXT NOT NULL,
    price    INTEGER NOT NULL,
    PRIMARY KEY (sale_id, position)
);

CREATE TABLE payments (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    reservation_id  INTEGER REFERENCES reservations (id) ON DELETE SET NULL,
    contract_id     INTEGER REFERENCES contracts (id) ON DELETE SET NULL,
    received_at     TEXT NOT NULL,
    amount          INTEGER NOT NULL,
    method          TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT 'smaregi',
    external_id     TEXT UNIQUE
);
