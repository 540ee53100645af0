using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

public sealed class TicketIntervalExplanation
{
    public required string Key { get; init; }
    public required string Status { get; init; }
    public required string Category { get; init; }
    public bool Blocked { get; init; }
    public Instant StartAt { get; init; }
    public Instant? EndAt { get; init; }
    public double? Hours { get; init; }
    public double? WorkingHours { get; init; }
}

public sealed class TicketExplanation
{
    public required string Key { get; init; }
    public required string Project { get; init; }
    public string? Team { get; init; }
    public required string Type { get; init; }
    public string? Title { get; init; }
    public Instant CreatedAt { get; init; }
    public Instant? FirstActiveAt { get; init; }
    public Instant? DoneAt { get; init; }
    public double? CycleHours { get; init; }
    public double? CycleWorkingHours { get; init; }
    public double? ActiveHours { get; init; }
    public double? ActiveWorkingHours { get; init; }
    public double? WaitHours { get; init; }
    public double? WaitWorkingHours { get; init; }
    public double? BlockedHours { get; init; }
    public double? BlockedWorkingHours { get; init; }
    public bool Reopened { get; init; }
    public required string CurrentStatus { get; init; }
    public required string CurrentCategory { get; init; }
    public double? LeadTimeHours { get; init; }
    public double? LeadTimeWorkingHours { get; init; }
    public string? LinkedPullRequests { get; init; }
    public IReadOnlyList<TicketIntervalExplanation> Intervals { get; set; } = [];
}

/// <summary>The tickets behind the ticket metrics, each with its status intervals (queries/ticket_explain.sql, ticket_intervals.sql).</summary>
public sealed class TicketExplainService(QueryRunner queries)
{
    /// <summary>The tickets done in the window without their intervals, for listings that do not show them.</summary>
    public IReadOnlyList<TicketExplanation> Listing(MetricWindow window, MetricScope scope, string? project = null, CancellationToken cancellationToken = default) =>
        queries.Run<TicketExplanation>("ticket_explain", TicketParameters.For(window, scope, project), cancellationToken);

    public IReadOnlyList<TicketExplanation> Tickets(MetricWindow window, MetricScope scope, string? project = null, CancellationToken cancellationToken = default)
    {
        var parameters = TicketParameters.For(window, scope, project);
        var tickets = queries.Run<TicketExplanation>("ticket_explain", parameters, cancellationToken);
        var intervals = queries.Run<TicketIntervalExplanation>("ticket_intervals", parameters, cancellationToken).ToLookup(i => i.Key);
        foreach (var ticket in tickets)
        {
            ticket.Intervals = intervals[ticket.Key].ToList();
        }
        return tickets;
    }
}
