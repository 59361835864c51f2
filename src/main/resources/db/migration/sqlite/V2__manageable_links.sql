-- Links the admin manages: an alias, a title, tags, an on/off switch, a window of validity, a cap
-- on visits, a fallback, a password, the redirect's status, query forwarding, crawlability, and
-- when it was last edited. Times are epoch milliseconds (UTC), as the created column already is;
-- a missing value is NULL. Nothing here rewrites a row, so a million links upgrade in moments.
ALTER TABLE url RENAME TO link;
ALTER TABLE click RENAME COLUMN url_id TO link_id;
DROP INDEX url_most_clicked;
CREATE INDEX link_most_clicked ON link (clicks DESC, id DESC);

ALTER TABLE link ADD COLUMN alias TEXT;
ALTER TABLE link ADD COLUMN title TEXT;
ALTER TABLE link ADD COLUMN edited INTEGER;
ALTER TABLE link ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE link ADD COLUMN valid_from INTEGER;
ALTER TABLE link ADD COLUMN valid_until INTEGER;
ALTER TABLE link ADD COLUMN max_visits INTEGER;
ALTER TABLE link ADD COLUMN fallback_url TEXT;
ALTER TABLE link ADD COLUMN password_hash TEXT;
ALTER TABLE link ADD COLUMN redirect_type INTEGER NOT NULL DEFAULT 302;
ALTER TABLE link ADD COLUMN forward_query INTEGER NOT NULL DEFAULT 0;
ALTER TABLE link ADD COLUMN crawlable INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX link_alias ON link (alias) WHERE alias IS NOT NULL;
-- The few links of a state, for the admin's filters and robots.txt, without reading the others.
CREATE INDEX link_crawlable ON link (id) WHERE crawlable = 1;
CREATE INDEX link_disabled ON link (id) WHERE disabled = 1;
CREATE INDEX link_limited ON link (id) WHERE valid_until IS NOT NULL OR max_visits IS NOT NULL;
CREATE INDEX link_scheduled ON link (id) WHERE valid_from IS NOT NULL;

CREATE TABLE tag (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE link_tag (
  link_id INTEGER NOT NULL,
  tag_id INTEGER NOT NULL,
  PRIMARY KEY (link_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX link_tag_by_tag ON link_tag (tag_id, link_id);

-- Substring search over destination, alias and title for the admin's list: a trigram index, so
-- that a search among a million links reads the index, not every row. Kept in step by triggers.
CREATE VIRTUAL TABLE link_search USING fts5(
  original, alias, title, content = 'link', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO link_search (link_search) VALUES ('rebuild');
CREATE TRIGGER link_search_insert AFTER INSERT ON link BEGIN
  INSERT INTO link_search (rowid, original, alias, title) VALUES (new.id, new.original, new.alias, new.title);
END;
CREATE TRIGGER link_search_delete AFTER DELETE ON link BEGIN
  INSERT INTO link_search (link_search, rowid, original, alias, title)
    VALUES ('delete', old.id, old.original, old.alias, old.title);
END;
CREATE TRIGGER link_search_update AFTER UPDATE OF original, alias, title ON link BEGIN
  INSERT INTO link_search (link_search, rowid, original, alias, title)
    VALUES ('delete', old.id, old.original, old.alias, old.title);
  INSERT INTO link_search (rowid, original, alias, title) VALUES (new.id, new.original, new.alias, new.title);
END;
