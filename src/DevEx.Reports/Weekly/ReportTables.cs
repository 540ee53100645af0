using DevEx.Analytics.Metrics;

namespace DevEx.Reports.Weekly;

/// <summary>
/// A table of the report as headers and text cells, so HTML and Markdown show the same rows in the same words.
/// <see cref="Narrow"/>: short cells only, so it fits half the printed page's width (the HTML's print styles set two such
/// tables side by side).
/// </summary>
public sealed record ReportTable(string Title, string? Note, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string Empty,
    bool Narrow = false);

/// <summary>The report's sections as tables, in page order.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> For(WeeklyReport report) =>
    [
        Headline(report), WaitStates(report), Waiting(report), Slowest(report), CiWaitPerChange(report), SlowestWorkflows(report),
        FlakiestWorkflows(report), Blocked(report), Meetings(report), Platform(report), FailingChecks(report),
    ];

    public static ReportTable Headline(WeeklyReport r) => new("DORA this week",
        $"Change versus {r.TrendWeeks.ElementAtOrDefault(r.TrendWeeks.Count - 2) ?? "the previous week"}; trend over {string.Join(", ", r.TrendWeeks)}. "
            + "Hours: wall clock or the team's working hours, as each figure says.",
        ["metric", "this week", "level", "previous week", "change", "4-week trend"],
        r.Figures.Where(f => f.Headline || f.Trend.Count > 0).Select(f => Row(f.Label, ReportValues.Format(f.Value, f.Unit), f.Level ?? ReportValues.None,
            ReportValues.Format(f.Previous, f.Unit), ReportValues.Delta(f.Delta, f.Unit),
            string.Join(" → ", f.Trend.Select(v => ReportValues.Format(v, f.Unit)))))
            .ToList(), "No figures.");

    public static ReportTable WaitStates(WeeklyReport r) => new("Where time is lost",
        "Pull requests merged and tickets done this week; most total hours first (working hours of the team).",
        ["wait", "median (wall clock)", "median (working hours)", "total (working hours)", "previous week (working hours)", "change (working hours)", "sample"],
        r.WaitStates.Select(w =>
        {
            var figure = r.Figure(ReportFigures.WaitMetric(w.Wait));
            return Row(WaitStateNames.Label(w.Wait), ReportValues.Hours(w.MedianHours), ReportValues.Hours(w.MedianWorkingHours),
                ReportValues.Hours(figure.Value), ReportValues.Hours(figure.Previous), ReportValues.Delta(figure.Delta, figure.Unit), Count(w.SampleSize));
        }).ToList(),
        "Nothing merged or done this week.");

    public static ReportTable Waiting(WeeklyReport r) => new("Open pull requests waiting longest",
        "Open at the end of the week, waiting since ready for review.",
        ["pull request", "title", "waiting for", "since", "waiting (wall clock)"],
        r.WaitingPullRequests.Select(p => Row($"{p.Repo}#{p.Number}", p.Title ?? "", p.WaitingFor, ReportTimes.Local(p.WaitingSince, r.TimeZone),
            ReportValues.Hours(p.WaitingHours))).ToList(), "No open pull requests.");

    public static ReportTable Slowest(WeeklyReport r) => new("Slowest merged pull requests",
        "Merged this week; hours from ready for review to merged.",
        ["pull request", "title", "merged", "ready → merged (wall clock)", "pickup (wall clock)", "review (wall clock)"],
        r.SlowestMergedPullRequests.Select(p => Row($"{p.Repo}#{p.Number}", p.Title ?? "", ReportTimes.Local(p.MergedAt, r.TimeZone),
            ReportValues.Hours(p.ReadyToMergedHours), ReportValues.Hours(p.PickupHours), ReportValues.Hours(p.ReviewHours))).ToList(),
        "No pull requests merged.");

    public static ReportTable CiWaitPerChange(WeeklyReport r) => new("CI wait per change",
        "Median over the pull requests merged this week of each one's queue plus run time, summed over its runs.",
        ["figure", "this week", "previous week", "change"],
        r.Figures.Where(f => f.Metric.StartsWith("ciWaitPerChange", StringComparison.Ordinal))
            .Select(f => Row(f.Label, ReportValues.Format(f.Value, f.Unit), ReportValues.Format(f.Previous, f.Unit), ReportValues.Delta(f.Delta, f.Unit)))
            .ToList(), "", Narrow: true);

    public static ReportTable SlowestWorkflows(WeeklyReport r) => new("CI hot spots: slowest workflows",
        "Median queue plus run time of the week's runs.",
        ["repository", "workflow", "runs", "median queue (wall clock)", "median run (wall clock)"],
        r.SlowestWorkflows.Select(w => Row(w.Repo, w.Workflow, Count(w.Runs), ReportValues.Hours(w.MedianQueueHours), ReportValues.Hours(w.MedianRunHours)))
            .ToList(), "No CI runs.", Narrow: true);

    public static ReportTable FlakiestWorkflows(WeeklyReport r) => new("CI hot spots: flakiest workflows",
        "Highest re-run rate, then failure rate.",
        ["repository", "workflow", "runs", "re-run rate", "failure rate"],
        r.FlakiestWorkflows.Select(w => Row(w.Repo, w.Workflow, Count(w.Runs), ReportValues.Percent(w.RerunRate), ReportValues.Percent(w.FailureRate)))
            .ToList(), "No re-runs or failures.", Narrow: true);

    public static ReportTable Blocked(WeeklyReport r) => new("Tickets blocked longest",
        "Blocked at some time this week; blocked hours up to the week's end, longest (wall clock) first.",
        ["ticket", "title", "status", "blocked since", "blocked (wall clock)", "blocked (working hours)", "still blocked"],
        r.BlockedTickets.Select(t => Row(t.Key, t.Title ?? "", t.CurrentStatus, ReportTimes.Local(t.BlockedSince, r.TimeZone),
            ReportValues.Hours(t.BlockedHours), ReportValues.Hours(t.BlockedWorkingHours), t.StillBlocked ? "yes" : "no")).ToList(), "No blocked tickets.");

    public static ReportTable Meetings(WeeklyReport r)
    {
        var m = r.Meetings;
        if (m.Withheld)
        {
            return new("Meetings and focus", $"Withheld: {m.WithheldReason}.", ["figure", "this week"], [], "Withheld to protect individuals.", Narrow: true);
        }
        if (m.NoDataReason is { } reason)
        {
            // No figure at all (not 40 h of focus and 0 % meeting load): nothing covers the week.
            return new("Meetings and focus", $"{char.ToUpperInvariant(reason[0])}{reason[1..]}.", ["figure", "this week"], [],
                "No calendar data: import the team's calendars (calendars/<email>.ics) to see meetings and focus.", Narrow: true);
        }
        return new("Meetings and focus", $"Per person per week, {m.People} people with calendars.", ["figure", "median", "p75"],
        [
            Row("meeting hours (in working hours)", ReportValues.Hours(m.MedianMeetingHoursPerWeek), ReportValues.Hours(m.P75MeetingHoursPerWeek)),
            Row("meeting load (share of working hours)", ReportValues.Percent(m.MedianMeetingLoad), ReportValues.Percent(m.P75MeetingLoad)),
            Row("focus hours (in working hours)", ReportValues.Hours(m.MedianFocusHoursPerWeek), ReportValues.Hours(m.P75FocusHoursPerWeek)),
            Row("fragmented hours (in working hours)", ReportValues.Hours(m.MedianFragmentedHoursPerWeek), ReportValues.Hours(m.P75FragmentedHoursPerWeek)),
        ], "", Narrow: true);
    }

    public static ReportTable Platform(WeeklyReport r)
    {
        var p = r.Platform;
        if (p.Empty)
        {
            return new("Platform adoption", null, ["figure", "this week", "previous week", "change", "of"], [],
                "No catalog Components in scope: import catalog/*.yaml or configure DevEx:Catalog:Backstage to see platform adoption.");
        }
        var counts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["catalogCoverage"] = Of(p.Coverage?.CataloguedRepositories, p.Coverage?.ActiveRepositories, "active repositories"),
            ["ownerCoverage"] = Of(p.Coverage?.OwnedComponents, p.Coverage?.Components, "Components"),
            ["metadataCompleteShare"] = Of(p.Coverage?.Complete, p.Coverage?.Components, "Components"),
        };
        foreach (var card in p.Scorecards)
        {
            foreach (var level in card.Levels)
            {
                counts[$"scorecard.{card.Id}.level.{level.Name}"] = $"{Count(card.Components)} Components";
            }
            foreach (var check in card.Checks)
            {
                counts[$"scorecard.{card.Id}.{check.Id}"] = Of(check.Passed, check.Components, "Components");
            }
        }
        var week = p.ScorecardWeek is { } evaluated ? $"golden paths as evaluated for the week of {ReportTimes.Date(evaluated)}" : "no golden path evaluated yet";
        return new("Platform adoption",
            $"The Components and repositories of this team and the teams below it; coverage as of each week's end; {week} (docs/adoption.md).",
            ["figure", "this week", "previous week", "change", "of"],
            r.Figures.Where(f => counts.ContainsKey(f.Metric))
                .Select(f => Row(f.Label, ReportValues.Format(f.Value, f.Unit), ReportValues.Format(f.Previous, f.Unit), ReportValues.Delta(f.Delta, f.Unit),
                    counts[f.Metric]))
                .ToList(), "");
    }

    public static ReportTable FailingChecks(WeeklyReport r)
    {
        var p = r.Platform;
        var note = p.FailingCount > p.Failing.Count
            ? $"The first {p.Failing.Count} of {p.FailingCount}; the Platform adoption page lists them all."
            : "Each failed check with what it found or looked for.";
        return new("Golden-path checks failing", note, ["component", "team", "scorecard", "check", "evidence"],
            p.Failing.Select(f => Row(f.Component, f.Team, f.Scorecard, f.Check,
                f.File is { } file ? $"{f.Repo}/{file}{(f.Line is { } line ? $":{line}" : "")}: {f.Detail}" : f.Detail)).ToList(),
            p.Empty ? "No catalog Components in scope." : "Every Component passes every check.");
    }

    private static string Of(long? part, long? whole, string what) =>
        part is { } p && whole is { } w ? $"{Count(p)} of {Count(w)} {what}" : ReportValues.None;

    /// <summary>What a report of a week that had not ended says first: its figures stop at the moment it was generated.</summary>
    public static string? InProgressNote(WeeklyReport r) => r.InProgress
        ? $"Week in progress: figures up to {ReportTimes.Local(r.GeneratedAt, r.TimeZone)} ({r.TimeZone}), not the whole week; "
            + $"it ends Monday {ReportTimes.Date(r.To)} 00:00."
        : null;

    public static string Freshness(WeeklyReport r) => r.Freshness.Count == 0 ? "no data yet"
        : string.Join("; ", r.Freshness.Select(f => $"{f.Source} {f.Basis} {ReportTimes.Local(f.At, r.TimeZone)}"));

    private static string Count(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Row(params string[] cells) => cells;
}
