using System.Globalization;
using System.Text;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;
using DevEx.Reports.Weekly;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The page around the panels: landmarks (header, nav, main, footer), the dashboards menu, the filter form (a GET
/// form, so every view is a link), styles inline (no external asset, no script), and any definition problems.
/// </summary>
internal static class PageLayout
{
    public sealed record Context(DashboardSet Dashboards, string? ActiveId, DashboardFilter Filter, IReadOnlyList<TeamSummary> Teams,
        IReadOnlyList<ServiceSummary> Services, string? ReportWeek);

    public static string Render(Context context, string title, string? intro, string body, bool withFilters = true)
    {
        var html = new StringBuilder(body.Length + 8_000);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Format.Html(title)} · DevEx</title><link rel="icon" href="data:,">
            <style>{Styles}</style></head><body>
            <header class="top"><p class="brand"><a href="/">DevEx</a></p><h1>{Format.Html(title)}</h1>
            """);
        if (intro is not null)
        {
            html.Append("<p class=\"intro\">").Append(Format.Html(intro)).Append("</p>");
        }
        html.Append("</header>");
        Navigation(html, context);
        html.Append("<main id=\"main\">");
        if (withFilters)
        {
            Filters(html, context);
        }
        html.Append(body).Append("</main>");
        Footer(html, context);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Navigation(StringBuilder html, Context context)
    {
        var query = Format.Html(context.Filter.ToQuery());
        html.Append("<nav aria-label=\"Dashboards\"><ul>");
        foreach (var dashboard in context.Dashboards.Dashboards)
        {
            var current = dashboard.Id == context.ActiveId ? " aria-current=\"page\"" : "";
            html.Append("<li><a href=\"/dashboards/").Append(dashboard.Id).Append('?').Append(query).Append('"').Append(current).Append('>')
                .Append(Format.Html(dashboard.Title)).Append("</a></li>");
        }
        html.Append("</ul></nav>");
    }

    private static void Filters(StringBuilder html, Context context)
    {
        var filter = context.Filter;
        html.Append("<form class=\"filters\" method=\"get\" role=\"search\" aria-label=\"Filters\">");
        Select(html, "team", "Team", filter.Scope.Team, context.Teams.Select(t => (t.Id, t.DisplayName ?? t.Id)), "All teams");
        Select(html, "service", "Service", filter.Scope.Service,
            context.Services.Where(s => filter.Scope.Team is null || s.OwnerTeam == filter.Scope.Team || s.Id == filter.Scope.Service).Select(s => (s.Id, s.Id)),
            "All services");
        if (filter.Scope.Repo is not null)
        {
            html.Append("<input type=\"hidden\" name=\"repo\" value=\"").Append(Format.Html(filter.Scope.Repo)).Append("\">");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<label>From <input type=\"date\" name=\"from\" value=\"{filter.Window.From:yyyy-MM-dd}\"></label>")
            .Append(CultureInfo.InvariantCulture, $"<label>To (exclusive) <input type=\"date\" name=\"to\" value=\"{filter.Window.To:yyyy-MM-dd}\"></label>");
        Select(html, "interval", "Interval", filter.IntervalName, [("day", "Day"), ("week", "ISO week"), ("month", "Month")], null);
        html.Append("<button type=\"submit\">Apply</button>");
        if (filter.Scope.Team is { } team && context.ReportWeek is { } week)
        {
            ReportLinks(html, team, week);
        }
        html.Append("</form>");
    }

    /// <summary>The team's last full week (in its own zone) as a download in each format, named as the endpoint names it.</summary>
    private static void ReportLinks(StringBuilder html, string team, string week)
    {
        html.Append("<span class=\"report\">Weekly report ").Append(week).Append(':');
        foreach (var (format, label) in ReportDownloads)
        {
            var file = Format.Html($"{team}-{week}.{format.Extension()}");
            html.Append(" <a class=\"button\" download=\"").Append(file).Append("\" href=\"/api/v1/reports/weekly?team=")
                .Append(Format.Html(Uri.EscapeDataString(team))).Append("&amp;week=").Append(week).Append("&amp;format=").Append(format.Extension())
                .Append("\" aria-label=\"Weekly report ").Append(week).Append(" as ").Append(label).Append("\">").Append(label).Append("</a>");
        }
        html.Append("</span>");
    }

    private static readonly (ReportFormat Format, string Label)[] ReportDownloads =
        [(ReportFormat.Html, "HTML"), (ReportFormat.Zip, "Markdown (zip)"), (ReportFormat.Csv, "CSV"), (ReportFormat.Json, "JSON")];

    private static void Select(StringBuilder html, string name, string label, string? selected, IEnumerable<(string Value, string Text)> options, string? any)
    {
        html.Append("<label>").Append(label).Append(" <select name=\"").Append(name).Append("\">");
        if (any is not null)
        {
            html.Append("<option value=\"\">").Append(any).Append("</option>");
        }
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Format.Html(value)).Append('"').Append(value == selected ? " selected" : "").Append('>')
                .Append(Format.Html(text)).Append("</option>");
        }
        html.Append("</select></label>");
    }

    private static void Footer(StringBuilder html, Context context)
    {
        html.Append("<footer>");
        if (context.Dashboards.Problems.Count > 0)
        {
            html.Append("<section class=\"problems\" aria-labelledby=\"problems-h\"><h2 id=\"problems-h\">Dashboard definitions not loaded</h2><ul>");
            foreach (var problem in context.Dashboards.Problems)
            {
                html.Append("<li><code>").Append(Format.Html(problem.File)).Append("</code>: ").Append(Format.Html(problem.Reason)).Append("</li>");
            }
            html.Append("</ul></section>");
        }
        html.Append(CultureInfo.InvariantCulture, $"""
            <p>Window {context.Filter.Window.From:yyyy-MM-dd} to {context.Filter.Window.To.PlusDays(-1):yyyy-MM-dd} (time zone {Format.Html(context.Filter.Window.Zone.Id)}); trends compare with {context.Filter.Previous.From:yyyy-MM-dd} to {context.Filter.Previous.To.PlusDays(-1):yyyy-MM-dd}.
            Hours are working hours of each team's zone unless a panel says otherwise. Durations are medians, never means.
            Definitions: <a href="/docs/metrics">metrics</a> · data quality: <a href="/dashboards/data-quality?{Format.Html(context.Filter.ToQuery())}">what was left out</a> · API: <a href="/openapi/v1.json">OpenAPI</a>.</p>
            </footer>
            """);
    }

    private static readonly string Styles = """
        @font-face{font-family:"DejaVu Sans";src:url(/assets/DejaVuSans.ttf) format("truetype");font-weight:normal}
        @font-face{font-family:"DejaVu Sans";src:url(/assets/DejaVuSans-Bold.ttf) format("truetype");font-weight:bold}
        *{box-sizing:border-box}
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9;font-size:15px;line-height:1.45}
        a{color:#0b57d0}a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #e69f00;outline-offset:2px}
        header.top{background:#fff;padding:1rem 1.5rem .5rem;border-bottom:1px solid #d9dce1}
        .brand{margin:0;font-weight:bold}.brand a{text-decoration:none;color:#1a1a1a}
        h1{margin:.2rem 0;font-size:1.5rem}.intro{margin:.2rem 0 .4rem;color:#444;max-width:70rem}
        nav{background:#fff;border-bottom:1px solid #d9dce1;padding:0 1.5rem}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
        nav a{display:inline-block;padding:.55rem 0;text-decoration:none;color:#333}
        nav a[aria-current=page]{color:#0b57d0;font-weight:bold;border-bottom:3px solid #0b57d0}
        main{padding:1rem 1.5rem;display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:1rem}
        .filters{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;background:#fff;padding:.7rem 1rem;border:1px solid #d9dce1;border-radius:6px}
        .filters label{display:flex;flex-direction:column;font-size:.85rem;color:#333}
        select,input,button,.button{font:inherit;padding:.3rem .45rem;border:1px solid #8a8f98;border-radius:4px;background:#fff;color:#1a1a1a}
        button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer}.button{text-decoration:none;color:#0b57d0;border-color:#0b57d0}
        .panel{background:#fff;border:1px solid #d9dce1;border-radius:6px;padding:.8rem 1rem;min-width:0}
        .panel.full{grid-column:span 6}.panel.half{grid-column:span 3}.panel.third{grid-column:span 2}
        @media (max-width:1000px){.panel.half,.panel.third{grid-column:span 6}}
        .panel h2{font-size:1.05rem;margin:0 0 .2rem}.help{color:#4a4f57;font-size:.85rem;margin:0 0 .5rem}
        .stat-value{font-size:2rem;font-weight:bold;margin:.2rem 0}.stat-value a{text-decoration:none}.trend,.caption{margin:.1rem 0;color:#333}
        .level{display:inline-block;padding:.05rem .45rem;border-radius:.3rem;font-size:.8rem;font-weight:bold;vertical-align:middle}
        .no-level{font-size:.8rem;font-style:italic;vertical-align:middle}
        LEVELS
        .table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.88rem}
        th,td{padding:.32rem .5rem;border-bottom:1px solid #e3e5e8;text-align:left;vertical-align:top}
        thead th{background:#f1f3f5;font-weight:bold}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .delta{color:#4a4f57;font-size:.8rem}.pivot .delta{display:block}.pivot th,.pivot td{padding:.3rem .4rem}.muted{color:#4a4f57;font-size:.85rem}.note{color:#4a4f57;font-size:.82rem;font-style:italic}
        .error{color:#a8001e;font-weight:bold}.panel-links{margin:.4rem 0 0;font-size:.8rem}
        figure.chart{margin:0}figure.chart svg{width:100%;height:auto;display:block}
        .doc{max-width:62rem}.doc h2{font-size:1.25rem;margin:1.4rem 0 .4rem}.doc h3{font-size:1.05rem;margin:1rem 0 .3rem}
        .doc pre{overflow-x:auto;background:#f1f3f5;padding:.5rem .7rem}.doc code{font-size:.88em}.doc table{width:auto;margin:.4rem 0}
        details{margin-top:.3rem}summary{cursor:pointer;color:#0b57d0;font-size:.85rem}
        footer{padding:0 1.5rem 1.5rem;color:#4a4f57;font-size:.85rem}.problems{background:#fff4f4;border:1px solid #a8001e;padding:.5rem 1rem;border-radius:6px;color:#1a1a1a}
        .problems h2{font-size:1rem;margin:.2rem 0}
        @media print{nav,.filters,.panel-links,details{display:none}body{background:#fff}.panel{break-inside:avoid}}
        """.Replace("LEVELS", LevelPalette.Css(), StringComparison.Ordinal);
}
