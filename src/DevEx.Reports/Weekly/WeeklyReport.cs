using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Reports.Weekly;

/// <summary>
/// A team's one-page report of one ISO week: every format (HTML, Markdown, CSV, JSON) renders this and nothing
/// else, so the numbers agree across formats and with the API. <c>InProgress</c>: the week had not ended when the report
/// was generated (the current or a future week), so its figures cover it only up to <c>GeneratedAt</c>.
/// </summary>
public sealed record WeeklyReport(
    string Team,
    string? TeamName,
    string Week,
    LocalDate From,
    LocalDate To,
    string TimeZone,
    Instant GeneratedAt,
    bool InProgress,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<string> TrendWeeks,
    IReadOnlyList<WaitState> WaitStates,
    IReadOnlyList<WaitingPullRequest> WaitingPullRequests,
    IReadOnlyList<SlowPullRequest> SlowestMergedPullRequests,
    IReadOnlyList<WorkflowCi> SlowestWorkflows,
    IReadOnlyList<WorkflowCi> FlakiestWorkflows,
    IReadOnlyList<BlockedTicket> BlockedTickets,
    MeetingMetrics Meetings,
    PlatformSection Platform,
    IReadOnlyList<SourceFreshness> Freshness,
    string Definitions,
    string? Link)
{
    public string Title => $"{TeamName ?? Team}: week {Week}";

    public ReportFigure Figure(string metric) => Figures.First(f => f.Metric == metric);
}

/// <summary>
/// One figure of the week, named as in the API (camelCase). <c>Unit</c> is count, days, hours or ratio (a fraction);
/// <c>Trend</c> holds the last four weeks, oldest first, this week last (empty when the figure has no trend).
/// </summary>
public sealed record ReportFigure(string Metric, string Label, string Unit, double? Value, double? Previous, string? Level, bool Headline,
    IReadOnlyList<double?> Trend)
{
    public double? Delta => Value is { } value && Previous is { } previous ? value - previous : null;
}

/// <summary>An open pull request at the week's end and how long it has waited since it was ready for review.</summary>
public sealed record WaitingPullRequest(string Repo, int Number, string? Title, string? Url, string Author, Instant WaitingSince,
    double WaitingHours, string WaitingFor);

/// <summary>A pull request merged in the week and how long it took from ready for review to merged.</summary>
public sealed record SlowPullRequest(string Repo, int Number, string? Title, string? Url, Instant MergedAt, double ReadyToMergedHours,
    double? PickupHours, double? ReviewHours);

/// <summary>
/// A ticket blocked during the week: its blocked hours up to the week's end, wall clock and working hours of the team, and
/// whether it still was blocked then.
/// </summary>
public sealed record BlockedTicket(string Key, string? Title, string CurrentStatus, Instant BlockedSince, double BlockedHours, double BlockedWorkingHours,
    bool StillBlocked);

/// <summary>How fresh a source's data is: its last successful sync, or the newest record where nothing syncs it.</summary>
public sealed record SourceFreshness(string Source, string Basis, Instant At);
