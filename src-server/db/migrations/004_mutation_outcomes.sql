-- What the server decided for each mutation, so that a retry after a lost answer (answered
-- `duplicate`) can tell the client the original outcome: a refusal is never lost with its answer.
-- Kept for the last OUTCOMES_KEPT mutations of each client (src-server/sync/push.ts).
CREATE TABLE mutation_outcomes (
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'superseded', 'rejected')),
  version bigint,
  error jsonb,
  PRIMARY KEY (client_id, mutation_id)
);
