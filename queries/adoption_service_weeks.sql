-- The figures a scorecard's metric check reads (docs/adoption.md, "Check kinds"), per service and ISO week.
-- What: for each week w (Mondays in the org zone from $from_date to before $to_date), over the trailing $weeks weeks that
--       end with w, [w + 7 days - $weeks weeks, w + 7 days) in the org zone: the median change lead time (wall clock,
--       d_changes deployed then), production deployments per week, change fail rate, median recovery time of the
--       failed deployments recovered (d_deployments finished then), and the median pickup and review time (working
--       hours) of the non-bot pull requests merged then in the service's repositories.
-- Grain: one row per week, service and metric that has samples. Parameters: $from_date, $to_date, $zone, $weeks.
-- Definition: docs/adoption.md#check-kinds
WITH weeks AS (
    SELECT w::DATE AS week,
           timezone($zone, w::TIMESTAMP + INTERVAL 7 DAY - to_weeks(CAST($weeks AS INTEGER))) AS window_start,
           timezone($zone, w::TIMESTAMP + INTERVAL 7 DAY) AS window_end
    FROM (SELECT unnest(generate_series($from_date::DATE::TIMESTAMP, ($to_date::DATE - 1)::TIMESTAMP, INTERVAL 7 DAY)) AS w)
),
lead_time AS (
    SELECT w.week, c.service, 'change_lead_time_median_hours' AS metric, quantile_cont(c.lead_time_hours, 0.5) AS value
    FROM weeks w JOIN d_changes c ON c.deployed_at >= w.window_start AND c.deployed_at < w.window_end
    GROUP BY ALL
),
deployments AS (
    SELECT w.week, d.service,
           count(*) / CAST($weeks AS DOUBLE) AS deployments_per_week,
           count(*) FILTER (WHERE d.failed) / count(*) AS change_fail_rate,
           quantile_cont(d.recovery_hours, 0.5) FILTER (WHERE d.failed) AS recovery_median_hours
    FROM weeks w JOIN d_deployments d ON d.finished_at >= w.window_start AND d.finished_at < w.window_end
    GROUP BY ALL
),
pulls AS (
    SELECT w.week, sr.service_id AS service,
           quantile_cont(p.pickup_working_hours, 0.5) AS pickup_median_working_hours,
           quantile_cont(p.review_working_hours, 0.5) AS review_median_working_hours
    FROM weeks w
    JOIN d_pull_requests p ON p.merged_at >= w.window_start AND p.merged_at < w.window_end AND NOT p.is_bot
    JOIN service_repositories sr ON sr.repo = p.repo
    GROUP BY ALL
)
SELECT week, service, metric, value FROM lead_time
UNION ALL SELECT week, service, 'deployments_per_week', deployments_per_week FROM deployments
UNION ALL SELECT week, service, 'change_fail_rate', change_fail_rate FROM deployments
UNION ALL SELECT week, service, 'recovery_median_hours', recovery_median_hours FROM deployments WHERE recovery_median_hours IS NOT NULL
UNION ALL SELECT week, service, 'pickup_median_working_hours', pickup_median_working_hours FROM pulls WHERE pickup_median_working_hours IS NOT NULL
UNION ALL SELECT week, service, 'review_median_working_hours', review_median_working_hours FROM pulls WHERE review_median_working_hours IS NOT NULL
ORDER BY week, service, metric;
