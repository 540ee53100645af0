-- Dashboard panel: the median of each pull-request phase per period, in working hours of the team's zone: the
-- pull-requests page's stacked chart, as a query so the panel is data.
-- What: per period ($interval: day, week (ISO) or month, in $zone, cut to the window at its ends), the pull requests
--       merged in it in scope, bots left out, as queries/pr_flow.sql counts them; each phase's median over the pull
--       requests that have it. A period without a merged pull request is a row with no figures.
-- Grain: one row per period of the window, oldest first. Parameters: common (queries/README.md); $interval is not 'all' on a page.
-- Columns: period, coding, pickup, review, merge_wait, deploy_wait (a phase that is a wait is drawn in that wait's colour).
-- Definition: docs/metrics.md#pull-request-flow
WITH periods AS (
    SELECT greatest(p::DATE, $from_date::DATE) AS period_from
    FROM (SELECT unnest(generate_series(date_trunc($period_unit, $from_date::DATE)::TIMESTAMP, ($to_date::DATE - 1)::TIMESTAMP,
                                        ('1 ' || $period_unit)::INTERVAL)) AS p)
),
phases AS (
    SELECT greatest(date_trunc($period_unit, timezone($zone, merged_at))::DATE, $from_date::DATE) AS period_from,
           quantile_cont(coding_working_hours, 0.5) AS coding,
           quantile_cont(pickup_working_hours, 0.5) AS pickup,
           quantile_cont(review_working_hours, 0.5) AS review,
           quantile_cont(merge_wait_working_hours, 0.5) AS merge_wait,
           quantile_cont(deploy_wait_working_hours, 0.5) AS deploy_wait
    FROM d_pull_requests
    WHERE merged_at >= $from AND merged_at < $to
      AND NOT is_bot
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1
)
SELECT p.period_from AS period, f.coding, f.pickup, f.review, f.merge_wait, f.deploy_wait
FROM periods p
LEFT JOIN phases f ON f.period_from = p.period_from
ORDER BY period;
