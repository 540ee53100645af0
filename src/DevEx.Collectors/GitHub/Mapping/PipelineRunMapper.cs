using System.Globalization;
using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// Workflow run → pipeline_runs row. Each attempt is its own row (id "{run id}-{attempt}"): a re-run keeps the run id,
/// and CI metrics count re-runs and their time separately.
/// </summary>
public static class PipelineRunMapper
{
    /// <param name="workflowName">
    /// The workflow's name, used when the run has none (the workflow_run webhook example has "name": "").
    /// </param>
    public static PipelineRunRow Map(string repo, WorkflowRun run, string? workflowName = null)
    {
        var completed = string.Equals(run.Status.StringValue, "completed", StringComparison.OrdinalIgnoreCase);
        var attempt = (int)Math.Max(1, run.RunAttempt);
        return new PipelineRunRow(
            repo,
            Id(run.Id, attempt),
            GitHubMapping.Blank(run.Name) ?? GitHubMapping.Blank(workflowName) ?? GitHubMapping.Blank(run.Path)
                ?? run.WorkflowId.ToString(CultureInfo.InvariantCulture),
            run.HeadSha,
            GitHubMapping.Blank(run.HeadBranch),
            GitHubMapping.Blank(run.Event),
            GitHubMapping.ToInstant(run.CreatedAt),
            GitHubMapping.ToInstantOrNull(run.RunStartedAt),
            // GitHub gives no completed_at on a run; updated_at is when it last changed, which for a completed run is
            // when it completed.
            completed ? GitHubMapping.ToInstantOrNull(run.UpdatedAt) : null,
            // A conclusion only counts once the run is completed; a queued or running run has none (null).
            completed ? GitHubMapping.Blank(run.Conclusion?.StringValue)?.ToLowerInvariant() : null,
            attempt,
            GitHubMapping.Source);
    }

    public static string Id(long runId, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}-{attempt}");
}
