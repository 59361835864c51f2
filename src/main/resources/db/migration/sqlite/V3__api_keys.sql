-- Keys for the REST API. Only the SHA-256 of a key is kept (hex): the key itself is shown once,
-- when it is made. A revoked key stays listed, so that the admin sees what was cut off and when.
CREATE TABLE api_key (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'create', 'admin')),
  key_hash TEXT NOT NULL UNIQUE,
  created INTEGER NOT NULL,
  expires INTEGER,
  last_used INTEGER,
  revoked INTEGER
);

-- The API's findIfExists looks a link up by its destination.
CREATE INDEX link_original ON link (original);
