using System.ComponentModel;
using System.Security.Claims;
using DevEx.Analytics.Adoption;
using DevEx.Reports.Weekly;
using DevEx.Server.Access;
using DevEx.Server.Adoption;
using DevEx.Server.Api;
using DevEx.Server.Api.Contracts;
using DevEx.Server.Caching;
using DevEx.Server.Dashboards;
using DevEx.Server.Reports;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using static DevEx.Server.Mcp.McpArguments;

namespace DevEx.Server.Mcp;

/// <summary>The weekly report as Markdown, and platform adoption: what GET /api/v1/reports/weekly and /api/v1/adoption/* answer.</summary>
[McpServerToolType]
internal sealed class ReportTools(McpCalls calls, WeeklyReports reports, AdoptionCoverageService coverage, ScorecardResultsService scorecards,
    ScorecardCatalog catalog, ResultCache cache, PanelGate gate)
{
    [McpServerTool(Name = "get_weekly_report", Title = "Weekly report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("A team's weekly report of one ISO week as Markdown: DORA with the previous week and the 4-week trend, where time was lost, "
        + "open and slowest pull requests, CI hot spots, blocked tickets, meetings (withheld below the cohort), platform adoption. "
        + "The same report as GET /api/v1/reports/weekly?format=md; it is not delivered anywhere.")]
    public string GetWeeklyReport(ClaimsPrincipal? user = null, [Description("Team id (list_teams). Required.")] string? team = null,
        [Description("ISO week such as 2026-W47; default the team's last full week.")] string? week = null, CancellationToken cancellationToken = default)
    {
        var (problem, resolved) = new WeeklyReportRequest(team, week, "md").Resolve(reports);
        if (problem is not null)
        {
            throw McpCalls.Refused(problem);
        }
        var (summary, isoWeek, _) = resolved!.Value;
        calls.Allow(user, Surface.TeamMeetings, summary.Id);
        var report = reports.Build(summary, isoWeek, cancellationToken);
        return WeeklyReportMarkdown.Write(report, [], WeeklyReportMarkdown.ChartFolder(report.Week));
    }

    [McpServerTool(Name = "get_adoption", Title = "Platform adoption", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Platform adoption for the organisation or a team: catalog coverage of active repositories, owner coverage and metadata "
        + "completeness per ISO week, and each golden-path scorecard this week (levels, each check's pass share). Aggregates only; the "
        + "per-team rows are those the caller may see. The same numbers as GET /api/v1/adoption/coverage and /scorecards.")]
    public async Task<McpAnswer<AdoptionAnswer>> GetAdoption(ClaimsPrincipal? user = null,
        [Description(From)] string? from = null,
        [Description(To)] string? to = null,
        [Description(Team)] string? team = null,
        CancellationToken cancellationToken = default)
    {
        var request = new MetricRequest(from, to, team, null, null, null);
        var r = calls.Resolve(request);
        calls.Allow(user, Surface.Figures, team);
        var caller = McpCalls.Caller(user);
        var (set, version) = catalog.Versioned;
        var weeks = await cache.GetOrAddAsync(r.Key("adoption/coverage"), () => coverage.Get(r.Window, r.Scope, cancellationToken), gate, cancellationToken);
        var cards = await cache.GetOrAddAsync(r.Key($"adoption/scorecards/{version}"),
            () => scorecards.Summaries(set, r.Scope, cancellationToken: cancellationToken), gate, cancellationToken);
        var visible = new AdoptionAnswer(
            new AdoptionCoverageResponse(r.Window.From, r.Window.To, r.Scope.Team, weeks.Weeks,
                [.. weeks.Teams.Where(t => calls.MaySeeTeam(caller, t.Team))]),
            new ScorecardsResponse(r.Scope.Team, [.. cards.Select(s => s with { HeatMap = [.. s.HeatMap.Where(h => calls.MaySeeTeam(caller, h.Team))] })],
                [.. set.Problems.Select(p => p.ToString())]));
        return new McpAnswer<AdoptionAnswer>(r.Window.From, r.Window.To, r.Window.Zone.Id, r.Scope.Team, null, null,
            "GET /api/v1/adoption/coverage, GET /api/v1/adoption/scorecards", AdoptionDefinitions.Measures, visible);
    }
}

/// <summary>get_adoption's result: the coverage and scorecard answers of the adoption API.</summary>
internal sealed record AdoptionAnswer(AdoptionCoverageResponse Coverage, ScorecardsResponse Scorecards);
