using DevEx.Server.Access;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The rest of docs/metrics.md's headline view beside the waits, per team: ticket flow efficiency, and meeting load and focus
/// hours per person (withheld below the minimum cohort), now and in the previous period. Flow efficiency links to the
/// team's tickets, meeting figures to the team's meetings page.
/// </summary>
internal sealed class FlowAndFocusPanelSources(TeamFlowAndFocusService flowAndFocus, OrgService org) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("flow-and-focus-by-team", "Per team: ticket flow efficiency, median meeting load and focus hours per person-week, now and in the previous period",
            ByTeam, Shows: Surface.PerTeam, WithoutTeamMeetings: (f, ct) => WithoutMeetings(ByTeam(f, ct))),
    ];

    /// <summary>The meeting columns (meeting load, focus hours, people with calendars, their links) emptied: "–" in every row.</summary>
    private static PanelData WithoutMeetings(PanelData data)
    {
        var blank = data.Columns.Select((c, i) => (c.Name, i))
            .Where(c => c.Name.StartsWith("median_meeting_load", StringComparison.Ordinal) || c.Name.StartsWith("median_focus_hours", StringComparison.Ordinal) || c.Name == "people")
            .Select(c => c.i).ToHashSet();
        var rows = data.Rows.Select(r => (IReadOnlyList<object?>)[.. r.Select((v, i) => blank.Contains(i) ? null : v)]).ToList();
        return data with { Rows = rows, Note = WaitPanelSources.MeetingsNotShown };
    }

    private PanelData ByTeam(DashboardFilter filter, CancellationToken ct)
    {
        var now = flowAndFocus.ByTeam(filter.Window, filter.Scope, ct);
        var before = flowAndFocus.ByTeam(filter.Previous, filter.Scope, ct);
        var builder = new PanelDataBuilder()
            .Column("team", "Team", "text").Column("team" + PanelData.LinkSuffix, "", "text")
            .Column("flow_efficiency", "Flow efficiency", "rate").Column("flow_efficiency" + PanelData.PreviousSuffix, "Previous period", "rate")
            .Column("flow_efficiency" + PanelData.LinkSuffix, "", "text")
            .Column("tickets_done", "Tickets done", "count").Column("tickets_done" + PanelData.LinkSuffix, "", "text")
            .Column("median_meeting_load", "Meeting load (median)", "rate").Column("median_meeting_load" + PanelData.PreviousSuffix, "Previous period", "rate")
            .Column("median_meeting_load" + PanelData.LinkSuffix, "", "text")
            .Column("median_focus_hours", "Focus hours per week (median)", "hours")
            .Column("median_focus_hours" + PanelData.PreviousSuffix, "Previous period", "hours")
            .Column("median_focus_hours" + PanelData.LinkSuffix, "", "text")
            .Column("people", "People with calendars", "count");
        var withheld = new List<string>();
        var noCalendars = new List<string>();
        foreach (var team in org.Teams().Where(t => now.ContainsKey(t.Id)))
        {
            var t = now[team.Id];
            var b = before.GetValueOrDefault(team.Id);
            var scoped = filter.ForTeam(team.Id);
            var tickets = Links.Explain("tickets", scoped);
            var meetings = $"/dashboards/meetings?{scoped.ToQuery()}";
            var name = team.DisplayName ?? team.Id;
            if (t.MeetingsWithheld)
            {
                withheld.Add(name);
            }
            else if (t.NoCalendarData)
            {
                noCalendars.Add(name);
            }
            builder.Row(name, $"/?{scoped.ToQuery()}", t.FlowEfficiency, b?.FlowEfficiency, tickets, t.TicketsDone, tickets,
                t.MedianMeetingLoad, b?.MedianMeetingLoad, meetings, t.MedianFocusHoursPerWeek, b?.MedianFocusHoursPerWeek, meetings, t.People);
        }
        // What no catalog team owns is a row of its own, last, so that tickets done sum to the org (docs/metrics.md#teams-and-services);
        // 'unowned' is no value of the team filter: the row links to the data-quality page, its figures to nothing.
        if (now.GetValueOrDefault(MetricScope.Unowned) is { } u)
        {
            var b = before.GetValueOrDefault(MetricScope.Unowned);
            if (u.MeetingsWithheld)
            {
                withheld.Add(WaitPanelSources.UnownedLabel);
            }
            builder.Row(WaitPanelSources.UnownedLabel, WaitPanelSources.UnownedLink(filter), u.FlowEfficiency, b?.FlowEfficiency, null, u.TicketsDone, null,
                u.MedianMeetingLoad, b?.MedianMeetingLoad, null, u.MedianFocusHoursPerWeek, b?.MedianFocusHoursPerWeek, null, u.People);
        }
        string?[] notes =
        [
            withheld.Count > 0 ? $"Meeting figures withheld for {string.Join(", ", withheld)}: fewer people with calendars than the minimum cohort." : null,
            // "–" beside a team without calendars: no figure, rather than 40 h of focus and 0 % meeting load.
            noCalendars.Count > 0 ? $"No calendar data for {string.Join(", ", noCalendars)}: no calendar of their people covers these weeks." : null,
        ];
        return builder.Build(notes.Any(n => n is not null) ? string.Join(" ", notes.Where(n => n is not null)) : null);
    }
}
