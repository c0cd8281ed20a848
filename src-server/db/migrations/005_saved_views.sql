-- Saved views (issue 6): one operator's named queue + filters + sort + search. Personal rows:
-- only their owner pulls them, whatever the others' role or agency, and a deleted view leaves a
-- tombstone with owner_user_id set, so that only the owner pulls that too.
CREATE TABLE saved_views (
  id text PRIMARY KEY,
  owner_user_id text NOT NULL REFERENCES users (id),
  -- The synced SavedView (src-shared/domain/saved-view.ts) without `version`.
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
-- A pull reads one owner's views after a version.
CREATE INDEX saved_views_owner_version ON saved_views (owner_user_id, version);
