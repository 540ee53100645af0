-- Data quality: what derivations clamped, guessed or left out (d_data_quality, by kind) and the import
-- rejects per file. Grain: one row per (category, kind). Parameters: none.
-- Definition: docs/metrics.md#data-quality
SELECT 'derivation' AS category, kind, count(*) AS count, min(subject || ': ' || detail) AS example
FROM d_data_quality
GROUP BY kind
UNION ALL
SELECT 'import-rejects', source_file, count(*), min('line ' || line || ': ' || reason)
FROM import_rejects
GROUP BY source_file
ORDER BY category, kind;
