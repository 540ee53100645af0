using DevEx.Server.Access;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Meeting and focus panels; below the minimum cohort the figures are withheld and the reason shown. People per load band
/// add up like meeting hours, so the bands of all teams are withheld where the teams' own bands subtracted from them
/// would reveal a smaller group's (<see cref="MeetingMetricsService.HoursInView"/>); medians do not add up and are not.
/// </summary>
internal sealed class MeetingPanelSources(MeetingMetricsService meetings) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("meetings", "Meeting load and focus time per person-week (medians over people), now and in the previous period", Summary, Shows: Surface.TeamMeetings),
        new("meeting-load-bands", "People by their mean weekly meeting load", Bands, Shows: Surface.TeamMeetings),
    ];

    private PanelData Summary(DashboardFilter filter, CancellationToken ct)
    {
        var now = meetings.Get(filter.Window, filter.Scope, ct);
        var before = meetings.Get(filter.Previous, filter.Scope, ct);
        var builder = new PanelDataBuilder();
        var values = new List<object?>();
        void Add(string name, string label, string unit, Func<MeetingMetrics, object?> value)
        {
            builder.Column(name, label, unit).Column(name + PanelData.PreviousSuffix, label + " (previous period)", unit);
            values.AddRange([value(now), value(before)]);
        }
        Add("median_meeting_hours", "Meeting hours per week (median)", "hours", m => m.MedianMeetingHoursPerWeek);
        Add("median_meeting_load", "Meeting load (median)", "rate", m => m.MedianMeetingLoad);
        Add("median_focus_hours", "Focus hours per week (median)", "hours", m => m.MedianFocusHoursPerWeek);
        Add("median_fragmented_hours", "Fragmented hours per week (median)", "hours", m => m.MedianFragmentedHoursPerWeek);
        Add("median_meeting_free_days", "Meeting-free days per week (median)", "number", m => m.MedianMeetingFreeDays);
        builder.Column("people", "People with calendars", "count");
        values.Add(now.People);
        return builder.Row([.. values]).Build(Note(now));
    }

    private PanelData Bands(DashboardFilter filter, CancellationToken ct)
    {
        var now = meetings.Get(filter.Window, filter.Scope, ct);
        var builder = new PanelDataBuilder().Column("band", "Meeting load", "text").Column("people", "People", "count");
        foreach (var band in now.Distribution ?? [])
        {
            builder.Row(band.Band, band.People);
        }
        return builder.Build(Note(now) ?? (now.DistributionWithheldReason is { } reason ? $"Withheld: {reason}." : null));
    }

    /// <summary>Why the figures are "–": withheld below the cohort, or no calendar covering the weeks.</summary>
    private static string? Note(MeetingMetrics m) =>
        m.Withheld ? $"Withheld: {m.WithheldReason}."
        : m.NoDataReason is { } reason ? $"{char.ToUpperInvariant(reason[0])}{reason[1..]}."
        : null;
}
