-- Sync: conflict detection for responses and templates, and pull indexes for every scoped table.
--
-- Like reports.field_writers: a review racing a review of the same response, or two admins
-- editing one shared template, is told apart from the same client's own earlier writes.
ALTER TABLE responses ADD COLUMN field_writers jsonb NOT NULL DEFAULT '{}';
ALTER TABLE templates ADD COLUMN field_writers jsonb NOT NULL DEFAULT '{}';

-- A pull pages one caller's subtree in version order. For a caller who sees a small part of a
-- table (a unit among a province's hundreds of thousands of audit events), the planner reads the
-- subtree's range of this index instead of filtering the whole table in version order.
CREATE INDEX dispositions_scope_version ON dispositions (scope_path text_pattern_ops, version);
CREATE INDEX responses_scope_version ON responses (scope_path text_pattern_ops, version);
CREATE INDEX notes_scope_version ON notes (scope_path text_pattern_ops, version);
CREATE INDEX citizen_messages_scope_version ON citizen_messages (scope_path text_pattern_ops, version);
CREATE INDEX audit_events_scope_version ON audit_events (scope_path text_pattern_ops, version);
CREATE INDEX users_scope_version ON users (scope_path text_pattern_ops, version);
CREATE INDEX templates_scope_version ON templates (scope_path text_pattern_ops, version);
CREATE INDEX tombstones_owner ON tombstones (owner_user_id) WHERE owner_user_id IS NOT NULL;
