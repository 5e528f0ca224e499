-- A product is one per merchant, name and spec, a missing spec included: the unique index treats NULL specs as equal
-- (PostgreSQL 15 NULLS NOT DISTINCT), so two products "苹果" without a spec can no longer both be stored.
-- Products that already share a key with a NULL spec keep their rows: later ones get their creation order in the name
WITH dup AS (
  SELECT id, row_number() OVER (PARTITION BY "merchantId", name ORDER BY "createdAt", id) AS n
  FROM "Product" WHERE spec IS NULL
)
UPDATE "Product" p SET name = p.name || ' #' || dup.n FROM dup WHERE p.id = dup.id AND dup.n > 1;

DROP INDEX "Product_merchantId_name_spec_key";
CREATE UNIQUE INDEX "Product_merchantId_name_spec_key" ON "Product"("merchantId", "name", "spec") NULLS NOT DISTINCT;
