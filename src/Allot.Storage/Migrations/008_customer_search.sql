-- Customer search pages by owner or region in key order (the server's filters, a rep's or a team's book): with the
-- key in the index a page reads its own rows only, instead of every row of the owner or region, then sorting them.
-- The owner index with the key replaces the owner index alone.

CREATE INDEX customers_owner_key ON customers (owner_rep, key);

CREATE INDEX customers_region_key ON customers (region, key);

DROP INDEX customers_owner;
