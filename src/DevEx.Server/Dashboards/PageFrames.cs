using System.Globalization;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;
using DevEx.Server.Dashboards.Views;

namespace DevEx.Server.Dashboards;

/// <summary>
/// What a page is shown in: the dashboards, those the menu offers (the ones the reader may open with the view's
/// filters), the active one, the view's filters, the teams and services the reader may choose, the team's report week,
/// and whether the viewer is a catalog User (the header then links to their own page, "My week").
/// </summary>
internal sealed record PageContext(DashboardSet Dashboards, IReadOnlyList<DashboardDefinition> Menu, string? ActiveId, DashboardFilter Filter,
    IReadOnlyList<TeamSummary> Teams, IReadOnlyList<ServiceSummary> Services, string? ReportWeek, bool MyWeekLink = false);

/// <summary>
/// Builds the frame every page is laid out in (<see cref="SiteLayout"/>): the dashboards menu keeping the view's filters,
/// the filter form (services narrowed to the chosen team's), the team's weekly report downloads, problems and the footer.
/// </summary>
internal static class PageFrames
{
    private static readonly (ReportFormat Format, string Label)[] ReportFormats =
        [(ReportFormat.Html, "HTML"), (ReportFormat.Zip, "Markdown (zip)"), (ReportFormat.Csv, "CSV"), (ReportFormat.Json, "JSON")];

    public static PageFrame For(PageContext context, string title, string? intro, bool withFilters = true)
    {
        var filter = context.Filter;
        var query = filter.ToQuery();
        var menu = context.Menu.Select(d => new MenuLink($"/dashboards/{d.Id}?{query}", d.Title, d.Id == context.ActiveId)).ToList();
        var problems = context.Dashboards.Problems.Select(p => new DefinitionProblemModel(p.File, p.Reason)).ToList();
        var footer = new PageFooter(Date(filter.Window.From), Date(filter.Window.To.PlusDays(-1)), filter.Window.Zone.Id,
            Date(filter.Previous.From), Date(filter.Previous.To.PlusDays(-1)), $"/dashboards/data-quality?{query}");
        return new PageFrame(title, intro, menu, withFilters ? Filters(context) : null, problems, footer, context.MyWeekLink);
    }

    private static FilterForm Filters(PageContext context)
    {
        var scope = context.Filter.Scope;
        var teams = context.Teams.Select(t => new Choice(t.Id, t.DisplayName ?? t.Id, t.Id == scope.Team)).ToList();
        var covered = context.Teams.AtOrBelow(scope.Team);
        var services = context.Services.Where(s => scope.Team is null || (s.OwnerTeam is not null && covered.Contains(s.OwnerTeam)) || s.Id == scope.Service)
            .Select(s => new Choice(s.Id, s.Id, s.Id == scope.Service)).ToList();
        var interval = context.Filter.IntervalName;
        List<Choice> intervals = [new("day", "Day", interval == "day"), new("week", "ISO week", interval == "week"), new("month", "Month", interval == "month")];
        var report = scope.Team is { } team && context.ReportWeek is { } week ? Report(team, week) : null;
        return new FilterForm(teams, services, scope.Repo, Date(context.Filter.Window.From), Date(context.Filter.Window.To), intervals, report);
    }

    /// <summary>The team's last full week (in its own zone) as a download in each format, named as the endpoint names it.</summary>
    private static ReportDownloads Report(string team, string week) => new(week, ReportFormats
        .Select(f => new ReportDownload($"{team}-{week}.{f.Format.Extension()}",
            $"/api/v1/reports/weekly?team={Uri.EscapeDataString(team)}&week={week}&format={f.Format.Extension()}", f.Label))
        .ToList());

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
