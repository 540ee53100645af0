using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>One ISO week of a person's own calendar (queries/person_meeting_weeks.sql): the d_person_weeks columns.</summary>
public sealed class PersonMeetingWeek
{
    public LocalDate Week { get; init; }
    public double WorkingHours { get; init; }
    public double MeetingHours { get; init; }
    public double? MeetingLoad { get; init; }
    public double FocusHours { get; init; }
    public double FragmentedHours { get; init; }
    public int MeetingFreeDays { get; init; }
    public double LongestFocusHours { get; init; }
}

/// <summary>A pull request on which a review by the person was asked and is still owed (queries/review_requests_waiting.sql).</summary>
public sealed class WaitingReviewRequest
{
    public required string Repo { get; init; }
    public int Number { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public required string Author { get; init; }
    public Instant RequestedAt { get; init; }
    public double WaitingHours { get; init; }
}

/// <summary>
/// A person's own figures, only ever asked for the person themselves (docs/metrics.md, "A person's own week"): their
/// meeting weeks, their open pull requests (queries/open_pull_requests.sql for one author) and the review requests
/// waiting on them. No cohort minimum applies: no one else's figure is in them.
/// </summary>
public sealed class PersonalFigures(QueryRunner queries, MetricOptions options)
{
    /// <summary>The most pull requests of each list a person is shown.</summary>
    public const int ListLength = 50;

    public IReadOnlyList<PersonMeetingWeek> MeetingWeeks(string person, MetricWindow window, CancellationToken cancellationToken = default) =>
        queries.Run<PersonMeetingWeek>("person_meeting_weeks", new
        {
            person,
            from_date = window.From.ToDateTimeUnspecified(),
            to_date = window.To.ToDateTimeUnspecified(),
        }, cancellationToken);

    /// <summary>The person's own pull requests open at <paramref name="asOf"/>, waiting for review or merge, longest waiting first.</summary>
    public IReadOnlyList<OpenPullRequest> OpenPullRequests(string person, Instant asOf, CancellationToken cancellationToken = default) =>
        queries.Run<OpenPullRequest>("open_pull_requests", new
        {
            as_of = asOf.ToDateTimeUtc(),
            team = (string?)null,
            service = (string?)null,
            repo = (string?)null,
            bot_pattern = options.BotPattern,
            waiting_for = (string?)null,
            author_person = person,
            limit = ListLength,
        }, cancellationToken);

    public IReadOnlyList<WaitingReviewRequest> ReviewRequests(string person, Instant asOf, CancellationToken cancellationToken = default) =>
        queries.Run<WaitingReviewRequest>("review_requests_waiting", new { as_of = asOf.ToDateTimeUtc(), person, limit = ListLength }, cancellationToken);
}
