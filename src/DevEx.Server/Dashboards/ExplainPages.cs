using System.Globalization;
using System.Text;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The rows behind a number as an HTML table: deployments, changes, pull requests or tickets in the view's window
/// and scope, each linking to its source (GitHub PR, Jira ticket) where known and to the JSON of the same listing.
/// </summary>
internal sealed class ExplainPages(ExplainService explain, TicketExplainService tickets, DashboardPages pages, DashboardCatalog catalog,
    OrgService org, SourceLinks links)
{
    private const int MaxRows = 500;

    private sealed record Listing(string Title, string Intro, string Api, IReadOnlyList<string> Headers, IReadOnlyList<(string Id, IReadOnlyList<Cell> Cells)> Rows);

    private sealed record Cell(string Text, string? Link = null, bool Numeric = false);

    public IResult Page(string listing, MetricRequest request, bool? failed, string? deployment, CancellationToken ct)
    {
        var ok = pages.TryFilter(request, out var filter, out var problem);
        var set = catalog.Current;
        var context = new PageLayout.Context(set, null, filter, org.Teams(), org.Services(), null);
        if (!ok || problem is not null)
        {
            return Html(PageLayout.Render(context, "Cannot show these rows", problem, "", withFilters: false), ok ? 404 : 400);
        }
        Listing? found = listing switch
        {
            "deployments" => Deployments(filter, failed, ct),
            "changes" => Changes(filter, deployment, ct),
            "pull-requests" => PullRequests(filter, ct),
            "tickets" => Tickets(filter, ct),
            _ => null,
        };
        if (found is null)
        {
            return Html(PageLayout.Render(context, "No such listing", "Listings: deployments, changes, pull-requests, tickets.", "", withFilters: false), 404);
        }
        return Html(PageLayout.Render(context, found.Title, found.Intro, Table(found, filter)));
    }

    private static string Table(Listing listing, DashboardFilter filter)
    {
        var html = new StringBuilder("<section class=\"panel full\" aria-labelledby=\"rows-h\"><h2 id=\"rows-h\">");
        html.Append(CultureInfo.InvariantCulture, $"{listing.Rows.Count:#,0} rows</h2><p class=\"help\">The same rows as JSON: <a href=\"")
            .Append(Format.Html(PanelLinks.WithFilters(listing.Api, filter))).Append("\">").Append(Format.Html(listing.Api.Split('?')[0])).Append("</a>.");
        if (listing.Rows.Count > MaxRows)
        {
            html.Append(CultureInfo.InvariantCulture, $" Showing the first {MaxRows}; narrow the filters or use the JSON for all.");
        }
        html.Append("</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Scrollable table\"><table><thead><tr>");
        foreach (var header in listing.Headers)
        {
            html.Append("<th scope=\"col\">").Append(Format.Html(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var (id, cells) in listing.Rows.Take(MaxRows))
        {
            html.Append("<tr id=\"").Append(Format.Html(id)).Append("\">");
            foreach (var cell in cells)
            {
                html.Append(cell.Numeric ? "<td class=\"num\">" : "<td>");
                html.Append(cell.Link is null ? Format.Html(cell.Text) : $"<a href=\"{Format.Html(cell.Link)}\">{Format.Html(cell.Text)}</a>");
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div></section>").ToString();
    }

    private static Cell Hours(double? hours) => new(hours is { } h ? Format.Hours(h) : Format.Missing, Numeric: true);

    private static Cell When(NodaTime.Instant? at) => new(Format.Value(at, "instant"));

    private Listing Deployments(DashboardFilter filter, bool? failed, CancellationToken ct)
    {
        var rows = explain.Deployments(filter.Window, filter.Scope, failed, ct).OrderByDescending(d => d.FinishedAt).Select(d => (d.Id, (IReadOnlyList<Cell>)
        [
            When(d.FinishedAt), new(d.Service), new(d.Environment), new(d.Sha.Length > 10 ? d.Sha[..10] : d.Sha),
            new(d.ChangeCount.ToString(CultureInfo.InvariantCulture), Links.Explain("changes", filter, $"deployment={Uri.EscapeDataString(d.Id)}"), true),
            new(d.Failed ? $"failed ({d.FailureMethod})" : "ok"), new(d.FailureEvidence ?? ""), new(d.Rework ? d.ReworkReason ?? "rework" : ""),
            Hours(d.RecoveryHours), new(d.Note ?? ""),
        ])).ToList();
        return new Listing(failed == true ? "Failed deployments" : "Production deployments",
            "Production deployments that finished in the window, newest first: change set, failure method and its evidence, rework, recovery.",
            failed == true ? "/api/v1/deployments?failed=true" : "/api/v1/deployments",
            ["Finished", "Service", "Environment", "Commit", "Changes", "Result", "Evidence", "Rework", "Recovered after", "Note"], rows);
    }

    private Listing Changes(DashboardFilter filter, string? deployment, CancellationToken ct)
    {
        var rows = explain.Changes(filter.Window, filter.Scope, deployment, ct).OrderByDescending(c => c.LeadTimeHours).Select(c => ($"{c.Kind}-{c.Ref}", (IReadOnlyList<Cell>)
        [
            new(c.Kind == "pr" ? c.Ref : $"{c.Repo}@{(c.Ref.Length > 10 ? c.Ref[..10] : c.Ref)}", c.Url),
            new(c.Title ?? ""), new(c.Service), When(c.StartedAt), new(c.StartSource), When(c.DeployedAt),
            new(c.DeploymentId, Links.Explain("deployments", filter) + "#" + Uri.EscapeDataString(c.DeploymentId)),
            Hours(c.LeadTimeHours), Hours(c.LeadTimeWorkingHours),
        ])).ToList();
        return new Listing(deployment is null ? "Changes deployed" : $"Changes of deployment {deployment}",
            "Pull requests and direct commits whose first production deployment finished in the window, slowest first, with their lead time.",
            deployment is null ? "/api/v1/changes" : $"/api/v1/changes?deployment={Uri.EscapeDataString(deployment)}",
            ["Change", "Title", "Service", "Started", "Start from", "Deployed", "Deployment", "Lead time", "Lead time (working)"], rows);
    }

    private Listing PullRequests(DashboardFilter filter, CancellationToken ct)
    {
        var rows = explain.PullRequests(filter.Window, filter.Scope, ct).OrderByDescending(p => p.MergedAt).Select(p => ($"{p.Repo}#{p.Number}", (IReadOnlyList<Cell>)
        [
            new($"{p.Repo}#{p.Number}", p.Url), new(p.Title ?? ""), new(p.OwnerTeam ?? ""), When(p.MergedAt),
            Hours(p.CodingWorkingHours), Hours(p.PickupWorkingHours), Hours(p.ReviewWorkingHours), Hours(p.MergeWaitWorkingHours),
            Hours(p.DeployWaitWorkingHours), new(p.IsBot ? "bot" : ""),
        ])).ToList();
        return new Listing("Pull requests merged", "Pull requests merged in the window, newest first, with each phase in working hours of the owning team.",
            "/api/v1/pull-requests", ["Pull request", "Title", "Team", "Merged", "Coding", "Pickup", "Review", "Merge wait", "Deploy wait", ""], rows);
    }

    private Listing Tickets(DashboardFilter filter, CancellationToken ct)
    {
        var rows = tickets.Listing(filter.Window, filter.Scope, null, ct).OrderByDescending(t => t.DoneAt).Select(t => (t.Key, (IReadOnlyList<Cell>)
        [
            new(t.Key, links.Ticket(t.Key)), new(t.Title ?? ""), new(t.Team ?? ""), new(t.Type), When(t.DoneAt),
            Hours(t.CycleWorkingHours), Hours(t.ActiveWorkingHours), Hours(t.WaitWorkingHours), Hours(t.BlockedWorkingHours),
            new(t.Reopened ? "reopened" : ""), new(t.LinkedPullRequests ?? ""),
        ])).ToList();
        return new Listing("Tickets done", "Tickets done in the window, newest first, with cycle, active, wait and blocked time in working hours.",
            "/api/v1/tickets", ["Ticket", "Title", "Team", "Type", "Done", "Cycle", "Active", "Wait", "Blocked", "", "Pull requests"], rows);
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
