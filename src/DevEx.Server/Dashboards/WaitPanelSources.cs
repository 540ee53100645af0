using DevEx.Server.Access;
using DevEx.Server.Caching;
using System.Globalization;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// "Where time is lost": the waits of docs/metrics.md (PR pickup, review, merge, CI, deploy, ticket wait and blocked) and
/// meetings, in hours they account for (working hours of the team's zone), now and in the previous period. Every
/// number links to the rows behind it: pull-request waits (CI included) to the pull requests, ticket waits to the
/// tickets, meetings to the meetings page. A meeting total is shown only where it cannot be undone by subtraction
/// (<see cref="MeetingTotals"/>).
/// </summary>
internal sealed class WaitPanelSources(WaitStatesService waits, MeetingTotals meetings, OrgService org, DataStartService dataStarts, ResultCache cache) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("wait-states", "Each wait's hours, median and sample size, now and in the previous period", (f, ct) => Waits(f, teamMeetings: true, ct),
            // The organisation's meetings are figures every role sees; a team's are for who may see that team's meetings.
            WithoutTeamMeetings: (f, ct) => Waits(f, teamMeetings: f.Scope == MetricScope.Org, ct)),
        new("wait-states-by-team", "Each team's hours per wait, now and in the previous period", (f, ct) => ByTeam(f, teamMeetings: true, ct),
            Shows: Surface.PerTeam, WithoutTeamMeetings: (f, ct) => ByTeam(f, teamMeetings: false, ct)),
        new("wait-states-series", "Hours per wait per period", Series),
        new("biggest-wait-change", "The team and wait whose hours changed most since the previous period", (f, ct) => BiggestChange(f, teamMeetings: true, ct),
            Shows: Surface.PerTeam, // it names a team and that team's figures
            WithoutTeamMeetings: (f, ct) => BiggestChange(f, teamMeetings: false, ct)),
    ];

    /// <summary>
    /// A team's hours of one wait, now and in the previous period. <see cref="Comparable"/> is false when the previous
    /// figure was withheld (meetings of fewer than MinCohort people): such a wait has no change since then.
    /// <see cref="Hours"/> is null when the team had the wait in the previous period only, <see cref="Previous"/> when
    /// only now (or when withheld).
    /// </summary>
    private sealed record TeamWait(string TeamId, string Team, string Wait, double? Hours, double? Previous, bool Comparable,
        double? MedianWorkingHours, long SampleSize);

    private static string WaitLink(string wait, DashboardFilter filter) => wait switch
    {
        "ticket-wait" or "ticket-blocked" => Links.Explain("tickets", filter),
        "meetings" => $"/dashboards/meetings?{filter.ToQuery()}",
        _ => Links.Explain("pull-requests", filter), // pickup, review, merge and deploy wait, and CI (the listing's CI columns)
    };

    private PanelData Waits(DashboardFilter filter, bool teamMeetings, CancellationToken ct)
    {
        var now = waits.Get(filter.Window, filter.Scope, null, ct).Waits;
        // A previous period that began before a wait's data started has no figure for it ("–"), not 0 h.
        var starts = dataStarts.For(filter.Scope, ct);
        var before = waits.Get(filter.Previous, filter.Scope, null, ct).Waits
            .Where(w => starts.Covers(DataStarts.OfWait(w.Wait), filter.Previous)).ToDictionary(w => w.Wait);
        var previous = filter.ForWindow(filter.Previous);
        var builder = new PanelDataBuilder()
            .Column("wait", "Wait", "text").Column("wait" + PanelData.LinkSuffix, "", "text")
            .Column("hours", "Hours it accounts for", "hours").Column("hours" + PanelData.LinkSuffix, "", "text")
            .Column("hours" + PanelData.PreviousSuffix, "Previous period", "hours").Column("hours" + PanelData.PreviousSuffix + PanelData.LinkSuffix, "", "text")
            .Column("median_working_hours", "Median (working hours)", "hours").Column("median_working_hours" + PanelData.LinkSuffix, "", "text")
            .Column("median_hours", "Median (wall clock)", "hours")
            .Column("sample_size", "Samples", "count").Column("sample_size" + PanelData.LinkSuffix, "", "text");
        void Row(string wait, double? hours, double? hoursBefore, double? median, double? medianWallClock, long samples)
        {
            var link = WaitLink(wait, filter);
            builder.Row(WaitStateNames.Label(wait), link, hours, link, hoursBefore, WaitLink(wait, previous), median, link, medianWallClock, samples, link);
        }
        foreach (var w in now)
        {
            Row(w.Wait, w.HoursAccountedFor, before.TryGetValue(w.Wait, out var b) ? b.HoursAccountedFor : null, w.MedianWorkingHours, w.MedianHours,
                w.SampleSize);
        }
        if (!teamMeetings)
        {
            return MostHoursFirst(builder.Build(MeetingsNotShown));
        }
        var meetingsNow = meetings.Of(filter.Window, filter.Scope, ct);
        var meetingsBefore = meetings.Of(filter.Previous, filter.Scope, ct);
        if (meetingsNow.All is { People: > 0 } m)
        {
            // A withheld figure is null (MeetingTotals): shown as "–", never as 0.
            Row("meetings", m.TotalHours, starts.Covers(DataKind.Calendars, filter.Previous) ? meetingsBefore.All?.TotalHours : null,
                m.MedianHoursPerPersonWeek, null, m.People);
        }
        return MostHoursFirst(builder.Build(meetingsNow.All is { People: > 0 } ? MeetingsWithheld(meetingsNow, meetingsBefore) : null));
    }

    private static PanelData MostHoursFirst(PanelData data) =>
        data with { Rows = data.Rows.OrderByDescending(r => PanelData.Number(data.Value(r, "hours")) ?? 0).ToList() };

    /// <summary>Why the view's meeting hours (now, or in the previous period) are not shown; null when they are.</summary>
    private string? MeetingsWithheld(MeetingHoursInView now, MeetingHoursInView before)
    {
        if (now.All is { Withheld: true } all)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Meeting hours withheld: {all.People} {(all.People == 1 ? "person" : "people")} with calendars, fewer than the minimum cohort.");
        }
        return (now.AllWithheldBySubtraction, before.AllWithheldBySubtraction) switch
        {
            (true, true) => $"Meeting hours withheld, now and in the previous period: {meetings.SubtractionReason}.",
            (true, false) => $"Meeting hours withheld: {meetings.SubtractionReason}.",
            (false, true) => $"The previous period's meeting hours withheld: {meetings.SubtractionReason}.",
            _ => null,
        };
    }

    /// <summary>Each team's waits, computed once per view for the per-team table and the biggest change.</summary>
    private IReadOnlyList<TeamWait> TeamWaits(DashboardFilter filter, CancellationToken ct) =>
        cache.GetOrAdd<IReadOnlyList<TeamWait>>($"team-waits?{filter.Key}", () => ComputeTeamWaits(filter, ct));

    private List<TeamWait> ComputeTeamWaits(DashboardFilter filter, CancellationToken ct)
    {
        var now = waits.ByTeam(filter.Window, filter.Scope, ct);
        var before = waits.ByTeam(filter.Previous, filter.Scope, ct);
        var meetingsNow = meetings.Of(filter.Window, filter.Scope, ct).Teams;
        var meetingsBefore = meetings.Of(filter.Previous, filter.Scope, ct).Teams;
        var starts = dataStarts.ByTeam(filter.Scope, ct);
        var result = new List<TeamWait>();
        // What no catalog team owns is a row of its own, last, so that the rows sum to the org (docs/metrics.md#teams-and-services).
        var catalogTeams = org.Teams();
        var covered = catalogTeams.AtOrBelow(filter.Scope.Team);
        var teams = catalogTeams.Where(t => covered.Contains(t.Id)).Select(t => (t.Id, Label: t.DisplayName ?? t.Id))
            .Concat(now.ContainsKey(MetricScope.Unowned) || before.ContainsKey(MetricScope.Unowned) ? [(MetricScope.Unowned, UnownedLabel)] : []);
        foreach (var team in teams)
        {
            var label = team.Label;
            // A wait with no samples in a period (wait_states.sql lists deploy wait without deployments) was not had then.
            var current = (now.GetValueOrDefault(team.Id) ?? []).Where(w => w.SampleSize > 0).ToList();
            var previous = (before.GetValueOrDefault(team.Id) ?? []).Where(w => w.SampleSize > 0).ToDictionary(w => w.Wait);
            var teamStarts = starts.GetValueOrDefault(team.Id) ?? DataStarts.None;
            foreach (var w in current)
            {
                // A wait the team did not have in the previous period accounted for no hours then: comparable, unless that
                // period began before the wait's data started in the team (its first merged pull request, ticket transition).
                result.Add(new TeamWait(team.Id, label, w.Wait, w.HoursAccountedFor, previous.GetValueOrDefault(w.Wait) is { } p ? p.HoursAccountedFor : null,
                    teamStarts.Covers(DataStarts.OfWait(w.Wait), filter.Previous), w.MedianWorkingHours, w.SampleSize));
            }
            foreach (var p in previous.Values.Where(p => current.All(w => w.Wait != p.Wait)))
            {
                // And one it has no longer accounts for no hours now: a fall to nothing can be the biggest change.
                result.Add(new TeamWait(team.Id, label, p.Wait, null, p.HoursAccountedFor, true, null, 0));
            }
            if (meetingsNow.GetValueOrDefault(team.Id) is { Withheld: false } m)
            {
                // Before the team had MinCohort people with calendars its meeting hours were withheld, not zero.
                var earlier = meetingsBefore.GetValueOrDefault(team.Id) is { Withheld: false } b && teamStarts.Covers(DataKind.Calendars, filter.Previous)
                    ? b : null;
                result.Add(new TeamWait(team.Id, label, "meetings", m.TotalHours, earlier?.TotalHours, earlier is not null, m.MedianHoursPerPersonWeek, m.People));
            }
        }
        return result;
    }

    /// <summary>Each team's waits; without <paramref name="teamMeetings"/>, the teams' meeting hours left out.</summary>
    private IEnumerable<TeamWait> TeamWaits(DashboardFilter filter, bool teamMeetings, CancellationToken ct) =>
        TeamWaits(filter, ct).Where(w => teamMeetings || w.Wait != "meetings");

    private PanelData ByTeam(DashboardFilter filter, bool teamMeetings, CancellationToken ct)
    {
        var builder = new PanelDataBuilder()
            .Column("team", "Team", "text").Column("team_id", "Team id", "text").Column("team" + PanelData.LinkSuffix, "", "text")
            .Column("wait", "Wait", "text")
            .Column("hours", "Hours", "hours").Column("hours" + PanelData.PreviousSuffix, "Previous period", "hours")
            .Column("hours" + PanelData.LinkSuffix, "", "text")
            .Column("median_working_hours", "Median (working hours)", "hours").Column("sample_size", "Samples", "count");
        // A wait with no samples in a period accounted for 0 h then, as the biggest change reads it: one new in the window
        // rose from 0 h, one the team had only before fell to 0 h. A withheld previous figure (meetings), or one of a period
        // that began before the wait's data started, has no change: "–".
        foreach (var w in TeamWaits(filter, teamMeetings, ct))
        {
            // 'unowned' is no value of the team filter: its row links to the services behind it, its hours to nothing.
            var scoped = filter.ForTeam(w.TeamId);
            var unowned = w.TeamId == MetricScope.Unowned;
            builder.Row(w.Team, w.TeamId, unowned ? UnownedLink(filter) : $"/?{scoped.ToQuery()}", WaitStateNames.Label(w.Wait), w.Hours ?? 0,
                w.Comparable ? w.Previous ?? 0 : null, unowned ? null : WaitLink(w.Wait, scoped), w.MedianWorkingHours, w.SampleSize);
        }
        // Meetings are a person's hours, not a pull request's or ticket's: not added into a team's total (docs/metrics.md).
        return builder.Build(teamMeetings ? null : MeetingsNotShown) with { NotInRowTotals = [WaitStateNames.Label("meetings")] };
    }

    private PanelData Series(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("period", "Period", "date").Column("wait", "Wait", "text").Column("hours", "Hours", "hours")
            .Column("hours" + PanelData.LinkSuffix, "", "text");
        foreach (var (period, periodWaits) in waits.Series(filter.Window, filter.Scope, filter.Interval, ct))
        {
            foreach (var w in periodWaits)
            {
                builder.Row(period.From, WaitStateNames.Label(w.Wait), w.HoursAccountedFor ?? 0, WaitLink(w.Wait, filter.ForWindow(period)));
            }
        }
        return builder.Build() with { SeriesColours = WaitColours.ByLabel };
    }

    private PanelData BiggestChange(DashboardFilter filter, bool teamMeetings, CancellationToken ct)
    {
        var teamWaits = TeamWaits(filter, teamMeetings, ct).ToList();
        var best = teamWaits
            .Where(w => w.Comparable)
            .Select(w => (w.TeamId, w.Team, Wait: WaitStateNames.Label(w.Wait), Now: w.Hours ?? 0, Before: w.Previous ?? 0,
                Link: w.TeamId == MetricScope.Unowned ? UnownedLink(filter) : WaitLink(w.Wait, filter.ForTeam(w.TeamId))))
            .OrderByDescending(c => Math.Abs(c.Now - c.Before)).ThenBy(c => c.Team, StringComparer.Ordinal).ThenBy(c => c.TeamId, StringComparer.Ordinal)
            .ThenBy(c => c.Wait, StringComparer.Ordinal)
            .FirstOrDefault();
        var builder = new PanelDataBuilder()
            .Column("delta_hours", "Change in hours", "hours").Column("delta_hours" + PanelData.LinkSuffix, "", "text")
            .Column("caption", "What changed", "text").Column("team", "Team", "text").Column("wait", "Wait", "text")
            .Column("hours", "Hours", "hours").Column("hours" + PanelData.PreviousSuffix, "Previous period", "hours");
        if (best.Team is null && teamWaits.Count > 0)
        {
            return builder.Build("No wait can be compared: the previous period began before the data of these waits started.");
        }
        if (best.Team is null || Math.Abs(best.Now - best.Before) < 0.05)
        {
            return builder.Build("No wait changed since the previous period.");
        }
        // Hours as every number on the page reads: "9,939 h", not "9939.2 h".
        var caption = $"{best.Team}: {best.Wait.ToLowerInvariant()} {(best.Now > best.Before ? "rose" : "fell")} from {Format.Hours(best.Before)} to {Format.Hours(best.Now)}";
        return builder.Row(best.Now - best.Before, best.Link, caption, best.Team, best.Wait, best.Now, best.Before).Build();
    }

    /// <summary>The note of a per-team table shown without the teams' meeting figures (docs/security.md, "Roles and scope").</summary>
    internal const string MeetingsNotShown = "Teams' meeting figures are not shown to your role: they are for the team's members, its leads and admins.";

    /// <summary>The label of the row of what no catalog team owns, in every per-team table.</summary>
    internal const string UnownedLabel = "Unowned (no owner team)";

    /// <summary>Where the unowned row leads: the data-quality page, which lists the services no team owns.</summary>
    internal static string UnownedLink(DashboardFilter filter) => $"/dashboards/data-quality?{(filter with { Scope = MetricScope.Org }).ToQuery()}#panel-unowned-services";
}
