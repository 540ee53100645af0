using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Server.Personal;

/// <summary>Who the caller is: the name they signed in as, the catalog User they are (null: none), their roles and teams.</summary>
internal sealed record MeAnswer(string Name, string? Person, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams);

/// <summary>The caller's own meeting load per ISO week of [From, To): only ever their own (docs/metrics.md, "A person's own week").</summary>
internal sealed record MyMeetingLoad(string Person, LocalDate From, LocalDate To, IReadOnlyList<PersonMeetingWeek> Weeks)
{
    public string Definition => "/docs/metrics#a-persons-own-week";
}

/// <summary>The caller's own open pull requests and the review requests waiting on them, as of <see cref="AsOf"/>.</summary>
internal sealed record MyPullRequests(string Person, Instant AsOf, IReadOnlyList<OpenPullRequest> Open, IReadOnlyList<WaitingReviewRequest> ReviewRequests)
{
    public string Definition => "/docs/metrics#a-persons-own-week";
}
