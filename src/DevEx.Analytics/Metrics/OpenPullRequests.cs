using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>An open pull request, how long it has waited since ready for review, and what for (<c>review</c> or <c>merge</c>).</summary>
public sealed class OpenPullRequest
{
    public required string Repo { get; init; }
    public int Number { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public required string Author { get; init; }
    public string? OwnerTeam { get; init; }
    public Instant ReadyAt { get; init; }
    public double WaitingHours { get; init; }
    public required string WaitingFor { get; init; }
}

/// <summary>
/// Open pull requests as of an instant (queries/open_pull_requests.sql), bots by <c>DevEx:Metrics:BotPattern</c> left
/// out: the one definition behind the dashboards' "Waiting for review now" and the weekly report's waiting list.
/// </summary>
public sealed class OpenPullRequestService(QueryRunner queries, MetricOptions options)
{
    /// <summary>Those still waiting for a first review by another person at <paramref name="now"/>, longest waiting first.</summary>
    public IReadOnlyList<OpenPullRequest> AwaitingReview(Instant now, MetricScope scope, int limit = 10, CancellationToken cancellationToken = default) =>
        Run(now, scope, "review", limit, cancellationToken);

    /// <summary>Every open one at <paramref name="asOf"/>, waiting for review or (reviewed by another person) for merge, longest waiting first.</summary>
    public IReadOnlyList<OpenPullRequest> Waiting(Instant asOf, MetricScope scope, int limit, CancellationToken cancellationToken = default) =>
        Run(asOf, scope, null, limit, cancellationToken);

    private IReadOnlyList<OpenPullRequest> Run(Instant asOf, MetricScope scope, string? waitingFor, int limit, CancellationToken cancellationToken) =>
        queries.Run<OpenPullRequest>("open_pull_requests", new
        {
            as_of = asOf.ToDateTimeUtc(),
            team = scope.Team,
            service = scope.Service,
            repo = scope.Repo,
            bot_pattern = options.BotPattern,
            waiting_for = waitingFor,
            author_person = (string?)null,
            limit,
        }, cancellationToken);
}
