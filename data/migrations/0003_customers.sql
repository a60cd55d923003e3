-- 0003: お客様管理 — search over many customers, deletion that erases, duplicates.
-- A deleted customer's row stays as an anonymous tombstone (erased_on set, every
-- personal column emptied) so that sales, payments and ended contracts keep pointing
-- at one anonymous customer and every total stays the same.
ALTER TABLE customers ADD COLUMN erased_on TEXT NOT NULL DEFAULT '';

-- The list: live customers in kana order, counted and paged from the index alone.
CREATE INDEX customers_live ON customers (erased_on, kana);
-- Conditions of the search: 最終来店日, and a name part (scanning this index is cheaper
-- than scanning the table).
CREATE INDEX customers_last_visit ON customers (last_visit);
CREATE INDEX customers_name ON customers (name, erased_on);
-- Likely duplicates: same kana and birthday (same kana and phone uses customers_kana).
CREATE INDEX customers_kana_birthday ON customers (kana, birthday) WHERE birthday <> '';

-- Deleting and merging move or anonymise a customer's rows: find them by customer.
CREATE INDEX sales_customer ON sales (customer_id);
CREATE INDEX payments_customer ON payments (customer_id);
CREATE INDEX contracts_active ON contracts (customer_id) WHERE status = 'active';
CREATE INDEX external_ids_local ON external_ids (kind, local_id);
