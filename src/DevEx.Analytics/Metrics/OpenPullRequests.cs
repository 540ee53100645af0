using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>An open pull request still waiting for its first review by another person, and for how long.</summary>
public sealed class OpenPullRequest
{
    public required string Repo { get; init; }
    public int Number { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? OwnerTeam { get; init; }
    public Instant ReadyAt { get; init; }
    public double WaitingHours { get; init; }
}

/// <summary>Open pull requests waiting for a first review at a moment (queries/open_pull_requests.sql).</summary>
public sealed class OpenPullRequestService(QueryRunner queries)
{
    public IReadOnlyList<OpenPullRequest> AwaitingReview(Instant now, MetricScope scope, int limit = 10, CancellationToken cancellationToken = default) =>
        queries.Run<OpenPullRequest>("open_pull_requests",
            new { now = now.ToDateTimeUtc(), team = scope.Team, service = scope.Service, repo = scope.Repo, limit }, cancellationToken);
}
