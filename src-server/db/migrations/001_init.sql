-- Posko's central schema. Every synced row carries `version`: the value of the one global
-- sequence `change_version` drawn by the write that last changed it. Writers take the advisory
-- lock VERSION_LOCK_KEY (db.ts) before drawing, so versions commit in the order they are drawn
-- and a pull that has seen version N can never later miss a row with version <= N.
-- Times are epoch milliseconds (bigint), as in src-shared. `scope_path` is the agency path
-- ('/root/province/regency/…/') of the place a row belongs to: a caller sees a row when the row's
-- scope_path starts with the caller's agency path.

CREATE SEQUENCE change_version;
CREATE SEQUENCE tracking_number START 1900001;

CREATE TABLE agencies (
  id text PRIMARY KEY,
  parent_id text REFERENCES agencies (id),
  name text NOT NULL,
  level text NOT NULL,
  time_zone text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  -- Materialized path ending in '/': '/<root id>/<child id>/.../<id>/'.
  path text NOT NULL UNIQUE,
  version bigint NOT NULL
);
CREATE INDEX agencies_version ON agencies (version);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  scope_path text NOT NULL,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  version bigint NOT NULL
);
CREATE INDEX users_version ON users (version);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  last_seen_at bigint NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE categories (
  id text PRIMARY KEY,
  parent_id text REFERENCES categories (id),
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX categories_version ON categories (version);

CREATE TABLE holidays (
  date_key text NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (date_key, kind, name)
);

CREATE TABLE reports (
  id text PRIMARY KEY,
  tracking_id text NOT NULL UNIQUE,
  agency_id text NOT NULL REFERENCES agencies (id),
  unit_id text REFERENCES agencies (id),
  scope_path text NOT NULL,
  status text NOT NULL,
  created_at bigint NOT NULL,
  due_at bigint,
  first_response_at bigint,
  closed_at bigint,
  -- The synced Report (src-shared/domain/report.ts) without `version` and without `reporter`.
  doc jsonb NOT NULL,
  -- The reporter's identity, kept apart so it is only ever added for callers who may see it.
  reporter jsonb,
  -- A secret the citizen holds to reply and to see a rahasia report (stored hashed).
  citizen_token_hash text,
  -- field -> {v: version, c: clientId} of the last write to each field, for conflict detection.
  field_writers jsonb NOT NULL DEFAULT '{}',
  version bigint NOT NULL
);
CREATE INDEX reports_version ON reports (version);
CREATE INDEX reports_scope_version ON reports (scope_path text_pattern_ops, version);
CREATE INDEX reports_agency_status ON reports (agency_id, status);

CREATE TABLE dispositions (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  scope_path text NOT NULL,
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX dispositions_version ON dispositions (version);
CREATE INDEX dispositions_report ON dispositions (report_id);

CREATE TABLE responses (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  scope_path text NOT NULL,
  state text NOT NULL,
  published_at bigint,
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX responses_version ON responses (version);
CREATE INDEX responses_report ON responses (report_id);

CREATE TABLE notes (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  scope_path text NOT NULL,
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX notes_version ON notes (version);
CREATE INDEX notes_report ON notes (report_id);

-- Citizen replies and other messages from the reporter, part of the report's timeline.
CREATE TABLE citizen_messages (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  scope_path text NOT NULL,
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX citizen_messages_version ON citizen_messages (version);

CREATE TABLE audit_events (
  id text PRIMARY KEY,
  report_id text REFERENCES reports (id),
  scope_path text NOT NULL,
  batch_id text,
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX audit_events_version ON audit_events (version);
CREATE INDEX audit_events_report ON audit_events (report_id);

CREATE TABLE templates (
  id text PRIMARY KEY,
  agency_id text REFERENCES agencies (id),
  -- Set for personal templates: only their owner pulls them.
  owner_user_id text REFERENCES users (id),
  scope_path text NOT NULL,
  doc jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX templates_version ON templates (version);

CREATE TABLE attachments (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  file_name text NOT NULL,
  mime_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  bytes bytea,
  created_at bigint NOT NULL
);
CREATE INDEX attachments_report ON attachments (report_id);

-- Idempotent push: the last mutation id applied per client.
CREATE TABLE client_mutations (
  client_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  last_mutation_id bigint NOT NULL,
  updated_at bigint NOT NULL
);

-- Rows that were deleted or left a scope: pulled by callers who could see them where they were.
CREATE TABLE tombstones (
  version bigint PRIMARY KEY,
  entity text NOT NULL,
  entity_id text NOT NULL,
  -- Where the row was; callers whose agency path is a prefix of it saw it and must drop it,
  -- unless the row's current scope is still theirs (then its newer version follows).
  scope_path text NOT NULL,
  -- For personal rows (templates): only this user had it.
  owner_user_id text
);
CREATE INDEX tombstones_scope ON tombstones (scope_path text_pattern_ops, version);
