-- Pull-request flow: the lead-time breakdown and its wait states.
-- What: per merged pull request (merged in [$from, $to), bots excluded): coding (first commit -> ready for review),
--       pickup (ready -> first review activity by someone else), review (first review -> approval that preceded the
--       merge, or the merge), merge wait (that approval -> merge), deploy wait (merge -> first production
--       deployment containing it). Median, p75, p90 of each, in hours and working hours; each phase over the pull
--       requests that have it (its own sample size). Also review rounds (CHANGES_REQUESTED reviews), size
--       (additions + deletions) and how many spans were clamped from negative to 0.
-- Grain: one row per period ($interval) that has merged pull requests. Parameters: common (queries/README.md).
-- Definition: docs/metrics.md#pull-request-flow
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, merged_at))::DATE END AS period,
       count(*) AS sample_size,
       count(coding_hours) AS coding_sample_size,
       quantile_cont(coding_hours, 0.5) AS coding_median_hours,
       quantile_cont(coding_working_hours, 0.5) AS coding_median_working_hours,
       quantile_cont(coding_hours, 0.75) AS coding_p75_hours,
       quantile_cont(coding_working_hours, 0.75) AS coding_p75_working_hours,
       quantile_cont(coding_hours, 0.9) AS coding_p90_hours,
       quantile_cont(coding_working_hours, 0.9) AS coding_p90_working_hours,
       count(pickup_hours) AS pickup_sample_size,
       quantile_cont(pickup_hours, 0.5) AS pickup_median_hours,
       quantile_cont(pickup_working_hours, 0.5) AS pickup_median_working_hours,
       quantile_cont(pickup_hours, 0.75) AS pickup_p75_hours,
       quantile_cont(pickup_working_hours, 0.75) AS pickup_p75_working_hours,
       quantile_cont(pickup_hours, 0.9) AS pickup_p90_hours,
       quantile_cont(pickup_working_hours, 0.9) AS pickup_p90_working_hours,
       count(review_hours) AS review_sample_size,
       quantile_cont(review_hours, 0.5) AS review_median_hours,
       quantile_cont(review_working_hours, 0.5) AS review_median_working_hours,
       quantile_cont(review_hours, 0.75) AS review_p75_hours,
       quantile_cont(review_working_hours, 0.75) AS review_p75_working_hours,
       quantile_cont(review_hours, 0.9) AS review_p90_hours,
       quantile_cont(review_working_hours, 0.9) AS review_p90_working_hours,
       count(merge_wait_hours) AS merge_wait_sample_size,
       quantile_cont(merge_wait_hours, 0.5) AS merge_wait_median_hours,
       quantile_cont(merge_wait_working_hours, 0.5) AS merge_wait_median_working_hours,
       quantile_cont(merge_wait_hours, 0.75) AS merge_wait_p75_hours,
       quantile_cont(merge_wait_working_hours, 0.75) AS merge_wait_p75_working_hours,
       quantile_cont(merge_wait_hours, 0.9) AS merge_wait_p90_hours,
       quantile_cont(merge_wait_working_hours, 0.9) AS merge_wait_p90_working_hours,
       count(deploy_wait_hours) AS deploy_wait_sample_size,
       quantile_cont(deploy_wait_hours, 0.5) AS deploy_wait_median_hours,
       quantile_cont(deploy_wait_working_hours, 0.5) AS deploy_wait_median_working_hours,
       quantile_cont(deploy_wait_hours, 0.75) AS deploy_wait_p75_hours,
       quantile_cont(deploy_wait_working_hours, 0.75) AS deploy_wait_p75_working_hours,
       quantile_cont(deploy_wait_hours, 0.9) AS deploy_wait_p90_hours,
       quantile_cont(deploy_wait_working_hours, 0.9) AS deploy_wait_p90_working_hours,
       quantile_cont(review_rounds, 0.5) AS median_review_rounds,
       avg(review_rounds) AS mean_review_rounds,
       quantile_cont(size, 0.5) AS median_size,
       sum(clamped_spans)::BIGINT AS clamped_spans
FROM d_pull_requests
WHERE merged_at >= $from AND merged_at < $to
  AND NOT is_bot
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1
ORDER BY 1;
