-- DORA performance levels (dora.dev 2024 report thresholds; every threshold is a parameter from configuration).
-- What: classifies already computed metric values into elite | high | medium | low; NULL where the value is NULL.
--   deployment frequency: elite if median deploy-days per week >= $df_elite_days; high if deploy-days per week
--     >= $df_high_per_week; medium if >= $df_medium_per_week (once a month = 12/52); else low.
--   change lead time (median hours): elite < $lt_elite, high < $lt_high, medium < $lt_medium, else low.
--   change fail rate: elite <= $cfr_elite, high <= $cfr_high, medium <= $cfr_medium, else low.
--   recovery time (median hours): elite < $rt_elite, high < $rt_high, medium < $rt_medium, else low.
-- Grain: one row per figure set of $figures, a JSON array of objects {key, deploy_days_per_week,
--   median_deploy_days_per_week, lead_time_hours, change_fail_rate, recovery_hours} (null where there is no value), so
--   every period and every team or service of a request is classified in one statement. Parameters: $figures and
--   the thresholds above.
-- Definition: docs/metrics.md#dora-levels
SELECT
    f.key,
    CASE WHEN f.deploy_days_per_week IS NULL THEN NULL
         WHEN f.median_deploy_days_per_week >= $df_elite_days THEN 'elite'
         WHEN f.deploy_days_per_week >= $df_high_per_week THEN 'high'
         WHEN f.deploy_days_per_week >= $df_medium_per_week THEN 'medium'
         ELSE 'low' END AS deployment_frequency,
    CASE WHEN f.lead_time_hours IS NULL THEN NULL
         WHEN f.lead_time_hours < $lt_elite THEN 'elite'
         WHEN f.lead_time_hours < $lt_high THEN 'high'
         WHEN f.lead_time_hours < $lt_medium THEN 'medium'
         ELSE 'low' END AS change_lead_time,
    CASE WHEN f.change_fail_rate IS NULL THEN NULL
         WHEN f.change_fail_rate <= $cfr_elite THEN 'elite'
         WHEN f.change_fail_rate <= $cfr_high THEN 'high'
         WHEN f.change_fail_rate <= $cfr_medium THEN 'medium'
         ELSE 'low' END AS change_fail_rate,
    CASE WHEN f.recovery_hours IS NULL THEN NULL
         WHEN f.recovery_hours < $rt_elite THEN 'elite'
         WHEN f.recovery_hours < $rt_high THEN 'high'
         WHEN f.recovery_hours < $rt_medium THEN 'medium'
         ELSE 'low' END AS recovery_time
FROM (
    SELECT unnest(from_json($figures::VARCHAR, '[{"key":"INTEGER","deploy_days_per_week":"DOUBLE","median_deploy_days_per_week":"DOUBLE",
                                                  "lead_time_hours":"DOUBLE","change_fail_rate":"DOUBLE","recovery_hours":"DOUBLE"}]'),
                  recursive := true)
) f
ORDER BY f.key;
