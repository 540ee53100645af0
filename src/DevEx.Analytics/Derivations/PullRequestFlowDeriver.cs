using System.Text.RegularExpressions;
using DevEx.Analytics.Time;
using DevEx.Store.Reading;
using NodaTime;

namespace DevEx.Analytics.Derivations;

/// <summary>One merged pull request's phases (docs/metrics.md, pull-request flow), in hours and working hours.</summary>
internal sealed record PullRequestFlowRow(
    string Repo, int Number, string AuthorPerson, bool IsBot, string? OwnerTeam, Instant? FirstCommitAt, Instant ReadyAt,
    Instant? FirstReviewAt, Instant? ApprovedAt, Instant MergedAt, Instant? DeployedAt, string? DeploymentId,
    Span Coding, Span Pickup, Span Review, Span MergeWait, Span DeployWait, int ReviewRounds, int? Size, int ClampedSpans,
    Span CiQueue, Span CiRun, int CiRuns);

/// <summary>A phase's length: null when the pull request has no such phase.</summary>
internal readonly record struct Span(double? Hours, double? WorkingHours);

/// <summary>
/// Pull-request flow per merged pull request: coding, pickup, review, merge wait and deploy wait, with
/// negative spans (clock skew, rebased history) clamped to zero and logged. Review activity counts only when it
/// comes from someone other than the author (by person, so a login and an email of one person are one author)
/// and at or before the merge.
/// </summary>
internal sealed class PullRequestFlowDeriver(MetricOptions options, DataQualityLog quality)
{
    public IReadOnlyList<PullRequestFlowRow> Derive(DerivationInput input, ChangeIndex changes, TeamCalendars calendars, IReadOnlyDictionary<string, string?> ownerTeamByRepo)
    {
        var bot = new Regex(options.BotPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var commitTimes = input.Commits.ToDictionary(c => (c.Repo, c.Sha), c => c.AuthoredAt);
        var deployedByPull = changes.All.Where(c => c.Kind == "pr" && c.Deployment is not null)
            .GroupBy(c => c.Ref)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Deployment!).MinBy(d => d.FinishedAt)!, StringComparer.Ordinal);
        var rows = new List<PullRequestFlowRow>();
        foreach (var pull in input.PullRequests)
        {
            if (pull.MergedAt is not { } merged)
            {
                continue;
            }
            var author = input.Person(pull.Author);
            var shas = input.PullRequestCommits[(pull.Repo, pull.Number)].ToList();
            var firstCommit = shas.Select(s => commitTimes.TryGetValue((pull.Repo, s), out var t) ? t : (Instant?)null).Min();
            var ready = pull.ReadyAt ?? pull.CreatedAt;
            var reviews = input.Reviews[(pull.Repo, pull.Number)]
                .Where(r => r.SubmittedAt <= merged && input.Person(r.Reviewer) != author)
                .OrderBy(r => r.SubmittedAt).ToList();
            var firstReview = reviews.Count > 0 ? reviews[0].SubmittedAt : (Instant?)null;
            var approved = reviews.LastOrDefault(r => r.State == "APPROVED")?.SubmittedAt;
            var deployment = deployedByPull.GetValueOrDefault(pull.Ref);
            var team = ownerTeamByRepo.GetValueOrDefault(pull.Repo);
            var calendar = calendars.For(team);
            var clamped = 0;
            Span Measure(Instant? from, Instant? to)
            {
                if (from is not { } a || to is not { } b)
                {
                    return default;
                }
                if (b < a)
                {
                    clamped++;
                    quality.Add("clamped-span", pull.Ref, $"a phase ends {(a - b).TotalHours:0.##} h before it starts; counted as 0");
                    return new Span(0, 0);
                }
                return new Span((b - a).TotalHours, calendar.WorkingHours(a, b));
            }
            var coding = Measure(firstCommit, ready);
            var pickup = Measure(firstReview is null ? null : ready, firstReview);
            var review = Measure(firstReview, firstReview is null ? null : approved ?? merged);
            var mergeWait = Measure(approved, approved is null ? null : merged);
            var deployWait = Measure(deployment is null ? null : merged, deployment?.FinishedAt);
            var runs = shas.SelectMany(s => input.PipelineRuns[(pull.Repo, s)]).ToList();
            var queue = SumOver(runs, r => r.StartedAt is { } started ? (r.CreatedAt, started) : null, calendar);
            var run = SumOver(runs, r => r.StartedAt is { } started && r.CompletedAt is { } completed ? (started, completed) : null, calendar);
            rows.Add(new PullRequestFlowRow(pull.Repo, pull.Number, author, bot.IsMatch(pull.Author), team, firstCommit, ready,
                firstReview, approved, merged, deployment?.FinishedAt, deployment?.Id, coding, pickup, review, mergeWait, deployWait,
                input.Reviews[(pull.Repo, pull.Number)].Count(r => r.State == "CHANGES_REQUESTED" && r.SubmittedAt <= merged),
                pull.Additions is { } add && pull.Deletions is { } del ? add + del : null, clamped,
                runs.Count > 0 ? queue : default, runs.Count > 0 ? run : default, runs.Count));
        }
        return rows;
    }

    /// <summary>
    /// CI time of a pull request: the sum over its runs of each run's span (queue: created → started; run: started →
    /// completed), in hours and in working hours of the owner team; a span that ends before it starts counts 0.
    /// </summary>
    private static Span SumOver(IReadOnlyList<PipelineRunInfo> runs, Func<PipelineRunInfo, (Instant From, Instant To)?> span, WorkingHoursCalendar calendar)
    {
        double hours = 0, working = 0;
        foreach (var (from, to) in runs.Select(span).OfType<(Instant From, Instant To)>().Where(s => s.To > s.From))
        {
            hours += (to - from).TotalHours;
            working += calendar.WorkingHours(from, to);
        }
        return new Span(hours, working);
    }
}
