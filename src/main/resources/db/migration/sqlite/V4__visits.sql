-- Visit statistics. Every table here is written by the click flush, in its transaction; no page and
-- no API call counts the single visits: they read the daily aggregates.

-- Each distinct user agent once, with what it was classified as (kind: 0 person, 1 bot, 2 link
-- preview), so that a visit row holds a number instead of a few hundred bytes of header.
CREATE TABLE agent (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_agent TEXT NOT NULL UNIQUE,
  browser TEXT,
  os TEXT,
  device TEXT,
  kind INTEGER NOT NULL
);

-- Single visits, for the latest visits, the API's lists and the export; kept
-- SHORTENER_VISIT_RETENTION_DAYS, then purged oldest first (by id, which follows time). No
-- address is kept. link_id is NULL for an orphan visit (a path that is no link), with its path.
-- Visits that asked not to be tracked (DNT, GPC) have no row.
CREATE TABLE visit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  link_id INTEGER,
  orphan_path TEXT,
  time INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  agent_id INTEGER,
  referrer TEXT,
  country TEXT
);
CREATE INDEX visit_by_link ON visit (link_id, id);

-- A day's visits (day: days since 1970-01-01 in SHORTENER_TIME_ZONE) of a link; link_id 0 is every
-- link together, -1 the orphan visits. listed: the visits of the day with a row in visit (not the
-- DNT ones), people_listed those by people. checks: HEAD requests, which are no visits. tops: the
-- day's first values of each dimension (referrer host, browser, system, device, country of people;
-- the names of bots; the paths of orphan visits) with their visits, the day's further values added
-- up as "other" (TopValues packs them), so a year of a link is at most 365 rows whatever its
-- traffic. Kept for good.
CREATE TABLE visit_day (
  link_id INTEGER NOT NULL,
  day INTEGER NOT NULL,
  people INTEGER NOT NULL DEFAULT 0,
  bots INTEGER NOT NULL DEFAULT 0,
  previews INTEGER NOT NULL DEFAULT 0,
  uniques INTEGER NOT NULL DEFAULT 0,
  listed INTEGER NOT NULL DEFAULT 0,
  people_listed INTEGER NOT NULL DEFAULT 0,
  checks INTEGER NOT NULL DEFAULT 0,
  tops TEXT,
  PRIMARY KEY (link_id, day)
) WITHOUT ROWID;

-- Bots and previews of each link since the statistics began, for the API's visitsSummary of many
-- links at once.
CREATE TABLE visit_total (
  link_id INTEGER PRIMARY KEY,
  bots INTEGER NOT NULL
);

-- The day's salt of the visitor hash, shared by every server; forgotten with the day, so a visitor
-- cannot be followed from one day to the next.
CREATE TABLE visitor_salt (
  day INTEGER PRIMARY KEY,
  salt TEXT NOT NULL
);

-- Today's visitor hashes per link (link_id 0: anywhere), to count each visitor of a day once.
-- Deleted with the day's salt.
CREATE TABLE visitor_seen (
  day INTEGER NOT NULL,
  link_id INTEGER NOT NULL,
  visitor INTEGER NOT NULL,
  PRIMARY KEY (day, link_id, visitor)
) WITHOUT ROWID;
