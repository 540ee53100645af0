-- Explain listing: the rows behind the data-quality counts of data_quality_summary.sql.
-- What: each finding of the derivations (d_data_quality: clamped spans, deployments of unknown shas, ...) with what it
--       concerns and why, each rejected import line (import_rejects) with its file, line and reason, and each catalog
--       finding: an entity reference brought twice (catalog_duplicates: the copy not kept, and where the kept one came
--       from) and a relation naming no entity (catalog_relations without a catalog_entities row). $category
--       ('derivation', 'import-rejects', 'catalog' or NULL for all) and $kind (a finding's kind, or an import's file; NULL = all)
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
UNION ALL
SELECT 'catalog', 'duplicate-entity', entity_ref,
       duplicate_source || ' line ' || duplicate_line || ': kept from ' || kept_source || ' line ' || kept_line, duplicate_line, seen_at
FROM catalog_duplicates
WHERE ($category::VARCHAR IS NULL OR $category = 'catalog') AND ($kind::VARCHAR IS NULL OR $kind = 'duplicate-entity')
UNION ALL
SELECT 'catalog', 'dangling-reference', r.source_ref, r.type || ' ' || r.target_ref || ': no such entity', NULL, NULL
FROM catalog_relations r
WHERE NOT EXISTS (SELECT 1 FROM catalog_entities e WHERE e.entity_ref = r.target_ref)
  AND ($category::VARCHAR IS NULL OR $category = 'catalog') AND ($kind::VARCHAR IS NULL OR $kind = 'dangling-reference')
ORDER BY category, kind, line NULLS FIRST, subject, detail;
