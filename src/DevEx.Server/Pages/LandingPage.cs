using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;
using DevEx.Server.Api;

namespace DevEx.Server.Pages;

/// <summary>
/// GET /: the org's and each team's DORA figures for the last 4 full weeks, with levels, each linking to the JSON
/// and to the rows behind it. Server-rendered, no script, no external assets.
/// </summary>
internal static class LandingPage
{
    public static IEndpointRouteBuilder MapLandingPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (DoraMetricsService dora, OrgService org, MetricRequestResolver resolver) =>
        {
            resolver.TryResolve(new MetricRequest(null, null, null, null, null, null), out var request);
            var rows = new List<(string Label, string? Team, DoraMetrics Metrics)> { ("All teams", null, dora.Get(request.Window, MetricScope.Org)) };
            rows.AddRange(org.Teams().Select(t => (t.DisplayName ?? t.Id, (string?)t.Id, dora.Get(request.Window, new MetricScope(Team: t.Id)))));
            return TypedResults.Content(Render(request, rows), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static string Render(ResolvedRequest request, List<(string Label, string? Team, DoraMetrics Metrics)> rows)
    {
        var html = new StringBuilder();
        var window = $"from={request.Window.From:yyyy-MM-dd}&to={request.Window.To:yyyy-MM-dd}";
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>DevEx: DORA summary</title>
            <style>
            body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:2rem;color:#1b1b1b;max-width:80rem}
            table{border-collapse:collapse;width:100%}th,td{padding:.45rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            th{background:#f3f3f3}a{color:#0b57d0}.level{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.8rem;font-weight:600}
            {{LevelPalette.Css()}}
            .muted{color:#555;font-size:.9rem}
            </style></head><body>
            <header><h1>DevEx: where delivery time goes</h1>
            <p class="muted">DORA metrics for {{request.Window.From:yyyy-MM-dd}} to {{request.Window.To.PlusDays(-1):yyyy-MM-dd}} (the last 4 full ISO weeks).
            Every number links to the rows behind it. Definitions: <a href="/docs/metrics">docs/metrics</a>. API: <a href="/openapi/v1.json">OpenAPI</a>.</p></header>
            <main><table><caption class="muted">Deployment frequency, change lead time (median), change fail rate, failed deployment recovery time (median) and rework rate</caption>
            <thead><tr><th scope="col">Team</th><th scope="col">Deployments</th><th scope="col">Lead time</th><th scope="col">Change fail rate</th><th scope="col">Recovery</th><th scope="col">Rework rate</th><th scope="col">JSON</th></tr></thead><tbody>
            """);
        foreach (var (label, team, m) in rows)
        {
            var scope = team is null ? window : $"{window}&team={Uri.EscapeDataString(team)}";
            html.Append("<tr><th scope=\"row\">").Append(HtmlEncoder.Default.Encode(label)).Append("</th>");
            Cell(html, $"{m.DeploymentFrequency.Deployments} ({m.DeploymentFrequency.PerWeek:0.#}/week)", m.DeploymentFrequency.Level, $"/api/v1/deployments?{scope}");
            Cell(html, Hours(m.ChangeLeadTime.MedianHours, m.ChangeLeadTime.SampleSize, "changes"), m.ChangeLeadTime.Level, $"/api/v1/changes?{scope}");
            Cell(html, m.ChangeFailRate.Rate is { } rate ? $"{rate:P0} ({m.ChangeFailRate.FailedDeployments} of {m.ChangeFailRate.Deployments})" : "no deployments",
                m.ChangeFailRate.Level, $"/api/v1/deployments?{scope}&failed=true");
            Cell(html, Hours(m.FailedDeploymentRecoveryTime.MedianHours, m.FailedDeploymentRecoveryTime.SampleSize, "recoveries"),
                m.FailedDeploymentRecoveryTime.Level, $"/api/v1/deployments?{scope}&failed=true");
            Cell(html, m.DeploymentReworkRate.Rate is { } rework ? $"{rework:P0}" : "no deployments", null, $"/api/v1/deployments?{scope}");
            html.Append(CultureInfo.InvariantCulture, $"<td><a href=\"/api/v1/metrics/dora?{HtmlEncoder.Default.Encode(scope)}\">dora</a></td></tr>\n");
        }
        html.Append("</tbody></table></main></body></html>\n");
        return html.ToString();
    }

    private static string Hours(double? hours, long samples, string what) => hours is { } h
        ? string.Create(CultureInfo.InvariantCulture, $"{(h >= 48 ? $"{h / 24:0.#} d" : $"{h:0.#} h")} (n={samples})")
        : $"no {what}";

    private static void Cell(StringBuilder html, string text, string? level, string href)
    {
        html.Append("<td><a href=\"").Append(HtmlEncoder.Default.Encode(href)).Append("\">").Append(HtmlEncoder.Default.Encode(text)).Append("</a>");
        if (level is not null)
        {
            html.Append(" <span class=\"level ").Append(level).Append("\">").Append(level).Append("</span>");
        }
        html.Append("</td>");
    }
}
