-- A push that moves reports locks every child row of its reports in one statement, by report_id
-- (src-server/sync/push-chunk.ts). Every other child table has an index on report_id; citizen
-- messages had none, so each such statement read the whole table.
CREATE INDEX citizen_messages_report ON citizen_messages (report_id);
