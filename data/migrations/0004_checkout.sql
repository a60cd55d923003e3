-- 0004: 会計 with lines, tax, split payments and 取消; 入金 matched to customers.
-- Money is integer yen. Invariant: sales.amount = SUM(sale_items.amount) = SUM(sale_payments.amount).

-- A sale keeps a snapshot of what the reports group by (staff, 指名, route), its tax,
-- the cash handed over (預り金) and the change (おつり). A reversal (取消) never deletes:
-- it stamps reversed_at with a reason, and every total leaves reversed sales out.
ALTER TABLE sales ADD COLUMN tax            INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN tax_rate       INTEGER NOT NULL DEFAULT 10;
ALTER TABLE sales ADD COLUMN tax_inclusive  INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sales ADD COLUMN tendered       INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN change_given   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN staff_id       INTEGER REFERENCES staff (id);
ALTER TABLE sales ADD COLUMN designated     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN route          TEXT NOT NULL DEFAULT '';
ALTER TABLE sales ADD COLUMN reversed_at    TEXT NOT NULL DEFAULT '';
ALTER TABLE sales ADD COLUMN reversal_note  TEXT NOT NULL DEFAULT '';
CREATE INDEX sales_reservation ON sales (reservation_id);

-- A line: kind menu / coupon / designation / product / discount (a discount on the total,
-- negative). price is the listed price after the line's own discount; amount is what the
-- line adds to the total (price, plus its tax when prices are tax-exclusive).
ALTER TABLE sale_items ADD COLUMN kind         TEXT NOT NULL DEFAULT 'menu';
ALTER TABLE sale_items ADD COLUMN category_id  INTEGER REFERENCES menu_categories (id);
ALTER TABLE sale_items ADD COLUMN product_id   INTEGER REFERENCES products (id);
ALTER TABLE sale_items ADD COLUMN unit_price   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_items ADD COLUMN quantity     INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sale_items ADD COLUMN discount     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_items ADD COLUMN tax          INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_items ADD COLUMN amount       INTEGER NOT NULL DEFAULT 0;
UPDATE sale_items SET unit_price = price, amount = price;
UPDATE sale_items SET category_id = (SELECT category_id FROM menus WHERE menus.id = sale_items.menu_id)
    WHERE menu_id IS NOT NULL;

-- How a sale was paid: one row per method (split payments), 回数券 / 定額プラン naming the
-- contract whose balance they lowered.
CREATE TABLE sale_payments (
    sale_id     INTEGER NOT NULL REFERENCES sales (id),
    position    INTEGER NOT NULL,
    method      TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    contract_id INTEGER REFERENCES contracts (id) ON DELETE SET NULL,
    PRIMARY KEY (sale_id, position)
);
INSERT INTO sale_payments (sale_id, position, method, amount) SELECT id, 0, method, amount FROM sales;

-- 回数券 and 定額プラン balances: remaining visits; NULL means unlimited.
ALTER TABLE contracts ADD COLUMN kind      TEXT NOT NULL DEFAULT 'plan';
ALTER TABLE contracts ADD COLUMN remaining INTEGER;

-- 入金: payments from outside (Smaregi transactions, plan payments), as received, and
-- their match to a customer and, for pay-per-visit, a reservation.
ALTER TABLE payments ADD COLUMN payer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN kind       TEXT NOT NULL DEFAULT 'per_visit';
ALTER TABLE payments ADD COLUMN matched    TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN memo       TEXT NOT NULL DEFAULT '';
CREATE INDEX payments_received ON payments (received_at);
