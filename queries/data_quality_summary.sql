-- Data quality: what derivations clamped, guessed or left out (d_data_quality, by kind), the import
-- rejects per file, and the catalog's duplicate entities and dangling references (category 'catalog'). Grain: one row per (category, kind). Parameters: none.
-- Definition: docs/metrics.md#data-quality
SELECT 'derivation' AS category, kind, count(*) AS count, min(subject || ': ' || detail) AS example
FROM d_data_quality
GROUP BY kind
UNION ALL
SELECT 'import-rejects', source_file, count(*), min('line ' || line || ': ' || reason)
FROM import_rejects
GROUP BY source_file
UNION ALL
SELECT 'catalog', 'duplicate-entity', count(*), min(entity_ref || ': ' || duplicate_source || ' line ' || duplicate_line || ', kept from ' || kept_source || ' line ' || kept_line)
FROM catalog_duplicates
HAVING count(*) > 0
UNION ALL
SELECT 'catalog', 'dangling-reference', count(*), min(r.source_ref || ' ' || r.type || ' ' || r.target_ref || ': no such entity')
FROM catalog_relations r
WHERE NOT EXISTS (SELECT 1 FROM catalog_entities e WHERE e.entity_ref = r.target_ref)
HAVING count(*) > 0
ORDER BY category, kind;
