using DevEx.Server.Access;
using DevEx.Reports.Weekly;
using DevEx.Server.Api;
using DevEx.Server.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DevEx.Server.Reports;

/// <summary>/api/v1/reports: a team's weekly report in any format, and the delivery log.</summary>
internal static class WeeklyReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/weekly", Results<FileContentHttpResult, ProblemHttpResult> (WeeklyReports service, [AsParameters] WeeklyReportRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var (problem, resolved) = request.Resolve(service);
                if (problem is not null)
                {
                    return problem;
                }
                var (team, week, format) = resolved!.Value;
                var rendered = WeeklyReportRenderer.Render(service.Build(team, week, ct), format);
                // Every format names its file <team>-<week>.<ext>; HTML and JSON open in place, the others download.
                var disposition = new ContentDispositionHeaderValue(format is ReportFormat.Html or ReportFormat.Json ? "inline" : "attachment");
                disposition.SetHttpFileName(rendered.FileName);
                response.Headers.ContentDisposition = disposition.ToString();
                return TypedResults.Bytes(rendered.Content, rendered.ContentType);
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/html", "text/markdown", "text/csv", "application/json", "application/zip")
            .ProducesParameterProblems()
            .Shows(Surface.TeamMeetings)
            .WithSummary("A team's weekly report: html (one self-contained page), md, csv, json or zip (Markdown with PNG charts)");
        reports.MapGet("/deliveries", (ReportDeliveryLog log, string? team) => TypedResults.Ok(log.List(team)))
            .ProducesBadRequest()
            .RequireAuthorization(Auth.DevExPolicies.Admin) // it names the webhook targets: configuration
            .WithSummary("The delivery log of scheduled reports: one row per team, week and webhook target");
        return reports;
    }
}

/// <summary>The query string of GET /api/v1/reports/weekly; team is required, week defaults to the team's last full week.</summary>
internal sealed record WeeklyReportRequest(
    [property: FromQuery(Name = "team")] string? Team,
    [property: FromQuery(Name = "week")] string? Week,
    [property: FromQuery(Name = "format")] string? Format)
{
    public (ProblemHttpResult? Problem, (DevEx.Analytics.Metrics.TeamSummary, IsoWeek, ReportFormat)? Value) Resolve(WeeklyReports reports)
    {
        if (string.IsNullOrWhiteSpace(Team))
        {
            return (Problems.BadRequest("team", "'team' is required: GET /api/v1/teams lists the teams."), null);
        }
        if (!ReportFormats.TryParse(Format, out var format))
        {
            return (Problems.BadRequest("format", $"'format' must be {ReportFormats.Names}, not '{Format}'."), null);
        }
        var week = default(IsoWeek);
        if (!string.IsNullOrWhiteSpace(Week) && !IsoWeek.TryParse(Week, out week, out var error))
        {
            return (Problems.BadRequest("week", error), null);
        }
        var team = reports.Team(Team.Trim());
        if (team is null)
        {
            return (Problems.NotFound("team", $"No team '{Team}'. GET /api/v1/teams lists the teams."), null);
        }
        if (string.IsNullOrWhiteSpace(Week))
        {
            return (null, (team, reports.LastFullWeek(team), format));
        }
        return reports.FutureWeekProblem(team, week) is { } future ? (Problems.BadRequest("week", future), null) : (null, (team, week, format));
    }
}
