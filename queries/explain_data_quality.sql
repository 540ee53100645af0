-- Explain listing: the rows behind the data-quality counts of data_quality_summary.sql.
-- What: each finding of the derivations (d_data_quality: clamped spans, deployments of unknown shas, ...) with what it
--       concerns and why, and each rejected import line (import_rejects) with its file, line and reason. $category
--       ('derivation', 'import-rejects' or NULL for both) and $kind (a finding's kind, or an import's file; NULL = all)
--       narrow it as the counts are grouped. The whole data set: no window or scope applies, as for the counts.
-- Grain: one row per finding or rejected line. Parameters: $category, $kind.
-- Definition: docs/metrics.md#data-quality
SELECT 'derivation' AS category, kind, subject, detail, NULL::INTEGER AS line, NULL::TIMESTAMPTZ AS rejected_at
FROM d_data_quality
WHERE ($category::VARCHAR IS NULL OR $category = 'derivation') AND ($kind::VARCHAR IS NULL OR kind = $kind)
UNION ALL
SELECT 'import-rejects', source_file, 'line ' || CAST(line AS VARCHAR), reason, line, rejected_at
FROM import_rejects
WHERE ($category::VARCHAR IS NULL OR $category = 'import-rejects') AND ($kind::VARCHAR IS NULL OR source_file = $kind)
ORDER BY category, kind, line NULLS FIRST, subject, detail;
