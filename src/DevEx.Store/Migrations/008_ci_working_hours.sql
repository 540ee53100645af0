-- 008: CI queue and run time per merged pull request in working hours of its owner team, beside the wall-clock sums,
-- so every wait of "where time is lost" is in working hours (METRICS.md). Filled by the next derivation.
-- devex:rederive (derived tables of an existing database are rebuilt when this migration is applied)

ALTER TABLE d_pull_requests ADD COLUMN ci_queue_working_hours DOUBLE;
ALTER TABLE d_pull_requests ADD COLUMN ci_run_working_hours DOUBLE;
