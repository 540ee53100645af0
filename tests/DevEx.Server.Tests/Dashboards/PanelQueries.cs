using DevEx.Analytics.Metrics;
using DevEx.Server.Dashboards;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>Runs a built-in panel's query as its page does (through the loader, with a view's filters) and reads its cells.</summary>
internal static class PanelQueries
{
    public static PanelData Run(DevExAppFactory factory, string query, LocalDate from, LocalDate to, string? team = null,
        MetricInterval interval = MetricInterval.Week) =>
        factory.Services.GetRequiredService<PanelLoader>().Load(new PanelDefinition { Id = "check", Title = "check", Query = query },
            View(from, to, team, interval), teamMeetings: true, default);

    public static DashboardFilter View(LocalDate from, LocalDate to, string? team = null, MetricInterval interval = MetricInterval.Week) =>
        new(new MetricWindow(from, to, DateTimeZone.Utc), new MetricScope(Team: team), interval);

    /// <summary>Each row's cells of the named columns, as raw text (numbers rounded to 4 places): what a CSV would hold.</summary>
    public static List<string[]> Cells(PanelData data, params string[] columns) =>
        data.Rows.Select(row => columns.Select(c => PanelData.Number(data.Value(row, c)) is { } n && data.Value(row, c) is not string
            ? Math.Round(n, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Format.Raw(data.Value(row, c))).ToArray()).ToList();
}
