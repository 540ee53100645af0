-- Dashboard panel: what derivations clamped, guessed or left out, the import rejects per file, and the catalog's
-- duplicate entities and dangling references, each with a count and an example: the data-quality page's table, as a query so the panel is data.
-- What: d_data_quality by kind (category 'derivation'), import_rejects by file (category 'import-rejects') and the
--       catalog's duplicate entities and dangling references (category 'catalog', kinds duplicate-entity and
--       dangling-reference), as queries/data_quality_summary.sql counts them; over all data, whatever the window.
-- Grain: one row per (category, kind), largest count first. Parameters: none.
-- Columns: category, kind, count, example, and count__link (the findings' listing; the loader adds the page's filters).
-- Definition: docs/metrics.md#data-quality
WITH items AS (
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
)
SELECT category, kind, count,
       '/explain/data-quality?category=' || url_encode(category) || '&kind=' || url_encode(kind) AS count__link,
       example
FROM items
ORDER BY count DESC, category, kind;
