using DevEx.Store.Queries;

namespace DevEx.Analytics.Metrics;

/// <summary>The rows behind each metric (queries/explain_*.sql), so every number can be checked by hand.</summary>
public sealed class ExplainService(QueryRunner queries)
{
    /// <summary>Production deployments; <paramref name="failed"/> and <paramref name="rework"/> keep only those that are (true) or are not (false).</summary>
    public IReadOnlyList<DeploymentExplanation> Deployments(MetricWindow window, MetricScope scope, bool? failed = null, bool? rework = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = MetricParameters.For(window, scope);
        parameters.Add("failed", failed);
        parameters.Add("rework", rework);
        return queries.Run<DeploymentExplanation>("explain_deployments", parameters, cancellationToken);
    }

    /// <summary>The incidents resolved in the window: the rows behind incident time to restore.</summary>
    public IReadOnlyList<IncidentExplanation> Incidents(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        queries.Run<IncidentExplanation>("explain_incidents", MetricParameters.For(window, scope), cancellationToken);

    /// <summary>The categories of data-quality findings (queries/explain_data_quality.sql).</summary>
    public static IReadOnlyList<string> DataQualityCategories { get; } = ["derivation", "import-rejects", "catalog"];

    /// <summary>Derivation findings and import rejects, narrowed as the data-quality counts group them (whole data set).</summary>
    public IReadOnlyList<DataQualityFinding> DataQualityFindings(string? category, string? kind, CancellationToken cancellationToken = default) =>
        queries.Run<DataQualityFinding>("explain_data_quality", new { category, kind }, cancellationToken);

    /// <summary>The commits, pull requests and reviews of identities no catalog User claims (whole data set).</summary>
    public IReadOnlyList<IdentityOccurrence> IdentityOccurrences(string? identity, CancellationToken cancellationToken = default) =>
        queries.Run<IdentityOccurrence>("explain_identity_occurrences", new { identity }, cancellationToken);

    public IReadOnlyList<ChangeExplanation> Changes(MetricWindow window, MetricScope scope, string? deploymentId = null, CancellationToken cancellationToken = default)
    {
        var parameters = MetricParameters.For(window, scope);
        parameters.Add("deployment", deploymentId);
        return queries.Run<ChangeExplanation>("explain_changes", parameters, cancellationToken);
    }

    public IReadOnlyList<PullRequestExplanation> PullRequests(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        queries.Run<PullRequestExplanation>("explain_pull_requests", MetricParameters.For(window, scope), cancellationToken);

    /// <summary>
    /// The pull requests merged in the window that took longest from ready for review to merged (wall clock), bots left
    /// out as in the flow figures; ties by repository and number. The report's and the dashboards' "slowest merged".
    /// </summary>
    public IReadOnlyList<PullRequestExplanation> SlowestPullRequests(MetricWindow window, MetricScope scope, int limit,
        CancellationToken cancellationToken = default) =>
        PullRequests(window, scope, cancellationToken)
            .Where(p => !p.IsBot)
            .OrderByDescending(p => p.ReadyToMergedHours).ThenBy(p => p.Repo, StringComparer.Ordinal).ThenBy(p => p.Number)
            .Take(limit)
            .ToList();
}
