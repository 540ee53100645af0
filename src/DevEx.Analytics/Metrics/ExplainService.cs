using DevEx.Store.Queries;

namespace DevEx.Analytics.Metrics;

/// <summary>The rows behind each metric (queries/explain_*.sql), so every number can be checked by hand.</summary>
public sealed class ExplainService(QueryRunner queries)
{
    public IReadOnlyList<DeploymentExplanation> Deployments(MetricWindow window, MetricScope scope, bool? failed = null, CancellationToken cancellationToken = default)
    {
        var parameters = MetricParameters.For(window, scope);
        parameters.Add("failed", failed);
        return queries.Run<DeploymentExplanation>("explain_deployments", parameters, cancellationToken);
    }

    public IReadOnlyList<ChangeExplanation> Changes(MetricWindow window, MetricScope scope, string? deploymentId = null, CancellationToken cancellationToken = default)
    {
        var parameters = MetricParameters.For(window, scope);
        parameters.Add("deployment", deploymentId);
        return queries.Run<ChangeExplanation>("explain_changes", parameters, cancellationToken);
    }

    public IReadOnlyList<PullRequestExplanation> PullRequests(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        queries.Run<PullRequestExplanation>("explain_pull_requests", MetricParameters.For(window, scope), cancellationToken);
}
