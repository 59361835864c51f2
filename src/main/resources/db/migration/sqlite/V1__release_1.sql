-- The schema of the first release, the one before Flyway, as its create-schema.sql made it. A data
-- directory of that release has these tables and no history table: Flyway takes it as this version
-- (baselineOnMigrate) and upgrades it from here. A new data directory starts here too.
CREATE TABLE url (id INTEGER PRIMARY KEY AUTOINCREMENT, created INTEGER NOT NULL, original TEXT NOT NULL, clicks INTEGER NOT NULL DEFAULT 0);
CREATE INDEX url_most_clicked ON url (clicks DESC, id DESC);
CREATE TABLE click (url_id INTEGER NOT NULL, clicks INTEGER NOT NULL);
