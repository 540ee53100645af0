-- DORA performance levels (dora.dev 2024 report thresholds; every threshold is a parameter from configuration).
-- What: classifies already computed metric values into elite | high | medium | low; NULL where the value is NULL.
--   deployment frequency: elite if median deploy-days per week >= $df_elite_days; high if deploy-days per week
--     >= $df_high_per_week; medium if >= $df_medium_per_week (once a month = 12/52); else low.
--   change lead time (median hours): elite < $lt_elite, high < $lt_high, medium < $lt_medium, else low.
--   change fail rate: elite <= $cfr_elite, high <= $cfr_high, medium <= $cfr_medium, else low.
--   recovery time (median hours): elite < $rt_elite, high < $rt_high, medium < $rt_medium, else low.
-- Grain: one row. Parameters: the values ($median_deploy_days_per_week, $deploy_days_per_week, $lead_time_hours,
--   $change_fail_rate, $recovery_hours) and the thresholds above.
-- Definition: docs/metrics.md#dora-levels
SELECT
    CASE WHEN $deploy_days_per_week::DOUBLE IS NULL THEN NULL
         WHEN $median_deploy_days_per_week::DOUBLE >= $df_elite_days THEN 'elite'
         WHEN $deploy_days_per_week::DOUBLE >= $df_high_per_week THEN 'high'
         WHEN $deploy_days_per_week::DOUBLE >= $df_medium_per_week THEN 'medium'
         ELSE 'low' END AS deployment_frequency,
    CASE WHEN $lead_time_hours::DOUBLE IS NULL THEN NULL
         WHEN $lead_time_hours::DOUBLE < $lt_elite THEN 'elite'
         WHEN $lead_time_hours::DOUBLE < $lt_high THEN 'high'
         WHEN $lead_time_hours::DOUBLE < $lt_medium THEN 'medium'
         ELSE 'low' END AS change_lead_time,
    CASE WHEN $change_fail_rate::DOUBLE IS NULL THEN NULL
         WHEN $change_fail_rate::DOUBLE <= $cfr_elite THEN 'elite'
         WHEN $change_fail_rate::DOUBLE <= $cfr_high THEN 'high'
         WHEN $change_fail_rate::DOUBLE <= $cfr_medium THEN 'medium'
         ELSE 'low' END AS change_fail_rate,
    CASE WHEN $recovery_hours::DOUBLE IS NULL THEN NULL
         WHEN $recovery_hours::DOUBLE < $rt_elite THEN 'elite'
         WHEN $recovery_hours::DOUBLE < $rt_high THEN 'high'
         WHEN $recovery_hours::DOUBLE < $rt_medium THEN 'medium'
         ELSE 'low' END AS recovery_time;
