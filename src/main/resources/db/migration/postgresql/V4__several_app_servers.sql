-- Several app servers on this database. What they must agree on to make the same codes, stored
-- once by the first to start (the one row, id 1); on SQLite the salt is a file in the data
-- directory instead.
CREATE TABLE short_codes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  salt TEXT NOT NULL,
  min_length INTEGER NOT NULL
);

-- Every app server caches links; a change by one is announced to the others on channel
-- shortener_links when its transaction commits: "<created|changed|deleted> <id> <old alias>
-- <new alias>", "-" for no alias. Clicks are not a change (the fold sets only clicks).
CREATE FUNCTION link_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('shortener_links', concat_ws(' ', 'created', NEW.id, '-', COALESCE(NEW.alias, '-')));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pg_notify('shortener_links',
      concat_ws(' ', 'changed', NEW.id, COALESCE(OLD.alias, '-'), COALESCE(NEW.alias, '-')));
  ELSE
    PERFORM pg_notify('shortener_links', concat_ws(' ', 'deleted', OLD.id, COALESCE(OLD.alias, '-'), '-'));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER link_notice
  AFTER INSERT OR DELETE OR UPDATE OF original, alias, title, disabled, valid_from, valid_until,
    max_visits, fallback_url, password_hash, redirect_type, forward_query, crawlable
  ON link FOR EACH ROW EXECUTE FUNCTION link_notice();
