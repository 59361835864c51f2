-- The click fold adds to link.clicks in place. While clicks was in an index, each such update was
-- a new row version with an entry in every index of the table, three of them GIN trigram indexes:
-- 13 to 20 s of PostgreSQL's CPU per fold of 500,000 logged clicks over a million links, on the
-- machine that also serves the redirects. With no index on clicks, and room left in each page for
-- the new version, the update is heap-only and touches no index: 2.5 to 4 s for the same fold.
-- The price: listing links by clicks reads the whole table (0.3 to 0.5 s at a million links).
DROP INDEX link_most_clicked;
ALTER TABLE link SET (fillfactor = 80);
