-- Heads (POST /api/v1/sync/heads): the first screen of every queue by time to breach
-- (due_at ascending, nulls last, then created_at, id) and the size of every queue, for a caller's
-- subtree. The predicates are written exactly as src-server/sync/heads.ts writes its conditions,
-- so the planner can use the partial indexes. Ids compare byte-wise (COLLATE "C"), as the client
-- compares them, so ties on deadline and arrival come out in the client's order.

-- Status queues: walk one status in breach order, checking the subtree inside the index.
CREATE INDEX reports_status_breach ON reports (status, due_at, created_at, id COLLATE "C") INCLUDE (scope_path);

-- Due today and overdue: reports whose deadline is running, in breach order.
CREATE INDEX reports_running_breach ON reports (due_at, created_at, id COLLATE "C") INCLUDE (scope_path)
  WHERE status NOT IN ('completed', 'archived', 'pending_info', 'responded');

-- Assigned to me: the assignee lives in the report's doc.
CREATE INDEX reports_assignee_breach ON reports ((doc->>'assigneeId'), due_at, created_at, id COLLATE "C")
  INCLUDE (scope_path, status)
  WHERE doc->>'assigneeId' IS NOT NULL;

-- Awaiting approval: the few submitted responses of a subtree.
CREATE INDEX responses_submitted ON responses (scope_path text_pattern_ops, report_id)
  WHERE state = 'submitted';
