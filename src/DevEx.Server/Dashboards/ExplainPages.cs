using System.Security.Claims;
using System.Globalization;
using DevEx.Analytics.Metrics;
using DevEx.Server.Access;
using DevEx.Server.Api;
using DevEx.Server.Dashboards.Views;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The rows behind a number as an HTML table: deployments, changes, pull requests, tickets or incidents in the view's
/// window and scope, and the findings behind the data-quality counts; each row links to its source (GitHub PR, Jira
/// ticket) where known, and the page to the JSON of the same listing.
/// </summary>
internal sealed class ExplainPages(ExplainService explain, TicketExplainService tickets, DashboardPages pages, DashboardCatalog catalog,
    SourceLinks links)
{
    private const int MaxRows = 500;

    /// <summary>A listing: <see cref="Total"/> rows found, the first <see cref="MaxRows"/> of them shown (only those are formatted).</summary>
    private sealed record Listing(string Title, string Intro, string Api, IReadOnlyList<string> Headers, int Total, IReadOnlyList<(string Id, IReadOnlyList<Cell> Cells)> Rows);

    private sealed record Cell(string Text, string? Link = null, bool Numeric = false);

    public async Task<IResult> Page(string listing, MetricRequest request, ExplainFilters filters, ClaimsPrincipal user, CancellationToken ct)
    {
        var ok = pages.TryFilter(request, out var filter, out var problem);
        var set = catalog.Current;
        var context = pages.Context(set, null, filter, user, Surface.Listing);
        if (!ok || problem is not null)
        {
            return await pages.Message(PageFrames.For(context, "Cannot show these rows", problem, withFilters: false), ok ? 404 : 400);
        }
        Listing? found = listing switch
        {
            "deployments" => Deployments(filter, filters.Failed, filters.Rework, ct),
            "changes" => Changes(filter, filters.Deployment, ct),
            "pull-requests" => PullRequests(filter, ct),
            "tickets" => Tickets(filter, ct),
            "incidents" => Incidents(filter, ct),
            "data-quality" => DataQualityFindings(filters.Category, filters.Kind, ct),
            "identities" => IdentityOccurrences(filters.Identity, ct),
            _ => null,
        };
        if (found is null)
        {
            return await pages.Message(PageFrames.For(context, "No such listing",
                "Listings: deployments, changes, pull-requests, tickets, incidents, data-quality, identities.", withFilters: false), 404);
        }
        return await ComponentPages.PageAsync<ExplainPageView>(new Dictionary<string, object?>
        {
            [nameof(ExplainPageView.Frame)] = PageFrames.For(context, found.Title, found.Intro),
            [nameof(ExplainPageView.Listing)] = Model(found, filter),
        });
    }

    private static ExplainListingModel Model(Listing listing, DashboardFilter filter) => new(listing.Total, Math.Min(listing.Total, MaxRows),
        PanelLinks.WithFilters(listing.Api, filter), listing.Api.Split('?')[0], listing.Headers,
        listing.Rows.Select(r => new ExplainRowModel(r.Id,
            r.Cells.Select(c => new TableCellModel(c.Text, c.Link, c.Numeric ? CellStyle.Numeric : CellStyle.Plain)).ToList())).ToList());

    private static Cell Hours(double? hours) => new(hours is { } h ? Format.Hours(h) : Format.Missing, Numeric: true);

    private static Cell When(NodaTime.Instant? at) => new(Format.Value(at, "instant"));

    private Listing Deployments(DashboardFilter filter, bool? failed, bool? rework, CancellationToken ct)
    {
        var found = explain.Deployments(filter.Window, filter.Scope, failed, rework, ct);
        var rows = found.OrderByDescending(d => d.FinishedAt).Take(MaxRows).Select(d => (d.Id, (IReadOnlyList<Cell>)
        [
            When(d.FinishedAt), new(d.Service), new(d.Environment), new(d.Sha.Length > 10 ? d.Sha[..10] : d.Sha), new(Release(d)),
            new(d.ChangeCount.ToString(CultureInfo.InvariantCulture), Links.Explain("changes", filter, $"deployment={Uri.EscapeDataString(d.Id)}"), true),
            new(d.Failed ? $"failed ({d.FailureMethod})" : "ok"), Evidence(d, filter), new(d.Rework ? d.ReworkReason ?? "rework" : ""),
            Hours(d.RecoveryHours), new(d.Note ?? ""),
        ])).ToList();
        var narrowed = new[] { failed is { } f ? $"failed={(f ? "true" : "false")}" : null, rework is { } w ? $"rework={(w ? "true" : "false")}" : null }
            .OfType<string>().ToList();
        var title = (failed, rework) switch
        {
            (true, true) => "Failed rework deployments",
            (true, _) => "Failed deployments",
            (_, true) => "Rework deployments",
            _ => "Production deployments",
        };
        return new Listing(title,
            "Production deployments that finished in the window, newest first: the changes each shipped first (those it is credited "
            + "with), failure method and its evidence, rework (a rollback, or a revert or hotfix among the changes it shipped first), recovery.",
            narrowed.Count == 0 ? "/api/v1/deployments" : $"/api/v1/deployments?{string.Join('&', narrowed)}",
            ["Finished", "Service", "Environment", "Commit", "Tag or release", "Changes", "Result", "Evidence", "Rework", "Recovered after (wall clock)", "Note"],
            found.Count, rows);
    }

    /// <summary>"v1.4.0 (Spring release)": the tag or branch deployed and the release's title where it differs; empty when the source named neither.</summary>
    private static string Release(DeploymentExplanation d) => (d.Ref, d.ReleaseName) switch
    {
        ({ } reference, { } name) when !string.Equals(reference, name, StringComparison.Ordinal) => $"{reference} ({name})",
        ({ } reference, _) => reference,
        (null, { } name) => name,
        _ => "",
    };

    /// <summary>
    /// The evidence of a failure, linked to its row: a rollback names the deployment that rolled this one back (its row on
    /// this listing, the window stretched to hold it when it finished after the window); an incident its row in the
    /// incidents listing; a revert its pull request.
    /// </summary>
    private Cell Evidence(DeploymentExplanation d, DashboardFilter filter) => (d.FailureMethod, d.FailureEvidence) switch
    {
        (_, null) => new(""),
        ("rollback", { } deployment) => new($"rolled back by {deployment}", Links.Explain("deployments", Holding(filter, d, deployment)) + "#" + Uri.EscapeDataString(deployment)),
        ("explicit" or "window", { } incident) => new($"incident {incident}", Links.Explain("incidents", filter) + "#" + Uri.EscapeDataString(incident)),
        ("revert", { } pr) => new($"reverted by {pr}", links.PullRequest(pr)),
        (_, { } evidence) => new(evidence),
    };

    /// <summary>
    /// The filter whose window holds <paramref name="deployment"/>: the rollback is the next deployment, and when it is also
    /// the recovery (it did not fail itself) its finish is known; one that finished after the window's end stretches it.
    /// </summary>
    private static DashboardFilter Holding(DashboardFilter filter, DeploymentExplanation failed, string deployment)
    {
        if (failed.RecoveryDeploymentId != deployment || failed.RecoveredAt is not { } finished)
        {
            return filter;
        }
        var day = finished.InZone(filter.Window.Zone).Date;
        return day < filter.Window.To ? filter : filter.ForWindow(new MetricWindow(filter.Window.From, day.PlusDays(1), filter.Window.Zone));
    }

    private Listing Changes(DashboardFilter filter, string? deployment, CancellationToken ct)
    {
        // A repository deployed as several services brings the same commit or pull request into each: the service is part of the id.
        var found = explain.Changes(filter.Window, filter.Scope, deployment, ct);
        var rows = found.OrderByDescending(c => c.LeadTimeHours).Take(MaxRows)
            .Select(c => ($"{c.Service}:{c.Kind}-{c.Ref}", (IReadOnlyList<Cell>)
        [
            new(c.Kind == "pr" ? c.Ref : $"{c.Repo}@{(c.Ref.Length > 10 ? c.Ref[..10] : c.Ref)}", c.Url),
            new(c.Title ?? ""), new(c.Service), When(c.StartedAt), new(c.StartSource), When(c.DeployedAt),
            new(c.DeploymentId, Links.Explain("deployments", filter) + "#" + Uri.EscapeDataString(c.DeploymentId)),
            Hours(c.LeadTimeHours), Hours(c.LeadTimeWorkingHours),
        ])).ToList();
        return new Listing(deployment is null ? "Changes deployed" : $"Changes of deployment {deployment}",
            "Pull requests and direct commits whose first production deployment finished in the window, slowest first, with their lead time.",
            deployment is null ? "/api/v1/changes" : $"/api/v1/changes?deployment={Uri.EscapeDataString(deployment)}",
            ["Change", "Title", "Service", "Started", "Start from", "Deployed", "Deployment", "Lead time (wall clock)", "Lead time (working hours)"], found.Count, rows);
    }

    private Listing PullRequests(DashboardFilter filter, CancellationToken ct)
    {
        var found = explain.PullRequests(filter.Window, filter.Scope, ct);
        var rows = found.OrderByDescending(p => p.MergedAt).Take(MaxRows).Select(p => ($"{p.Repo}#{p.Number}", (IReadOnlyList<Cell>)
        [
            new($"{p.Repo}#{p.Number}", p.Url), new(p.Title ?? ""), new(p.OwnerTeam ?? ""), When(p.MergedAt),
            Hours(p.CodingWorkingHours), Hours(p.PickupWorkingHours), Hours(p.ReviewWorkingHours), Hours(p.MergeWaitWorkingHours),
            Hours(p.DeployWaitWorkingHours), new(p.CiRuns.ToString(CultureInfo.InvariantCulture), Numeric: true), Hours(p.CiQueueHours), Hours(p.CiRunHours),
            new(p.IsBot ? "bot" : ""),
        ])).ToList();
        return new Listing("Pull requests merged",
            "Pull requests merged in the window, newest first, with each phase in working hours of the owning team, and their CI runs: "
            + "queue (created to started) and run time (started to completed) summed over the runs, wall-clock hours.",
            "/api/v1/pull-requests",
            ["Pull request", "Title", "Team", "Merged", "Coding", "Pickup", "Review", "Merge wait", "Deploy wait", "CI runs", "CI queue", "CI run", ""], found.Count, rows);
    }

    private Listing Tickets(DashboardFilter filter, CancellationToken ct)
    {
        var found = tickets.Listing(filter.Window, filter.Scope, null, ct);
        var rows = found.OrderByDescending(t => t.DoneAt).Take(MaxRows).Select(t => (t.Key, (IReadOnlyList<Cell>)
        [
            new(t.Key, links.Ticket(t.Key)), new(t.Title ?? ""), new(t.Team ?? ""), new(t.Type), When(t.DoneAt),
            Hours(t.CycleWorkingHours), Hours(t.ActiveWorkingHours), Hours(t.WaitWorkingHours), Hours(t.BlockedWorkingHours),
            new(t.Reopened ? "reopened" : ""), new(t.LinkedPullRequests ?? ""),
        ])).ToList();
        return new Listing("Tickets done", "Tickets done in the window, newest first, with cycle, active, wait and blocked time in working hours.",
            "/api/v1/tickets", ["Ticket", "Title", "Team", "Type", "Done", "Cycle", "Active", "Wait", "Blocked", "", "Pull requests"], found.Count, rows);
    }

    private Listing Incidents(DashboardFilter filter, CancellationToken ct)
    {
        var found = explain.Incidents(filter.Window, filter.Scope, ct);
        var rows = found.Take(MaxRows).Select(i => (i.Id, (IReadOnlyList<Cell>)
        [
            new(i.Id), new(i.Title ?? ""), new(i.Service), new(i.Severity ?? ""), When(i.OpenedAt), When(i.ResolvedAt), Hours(i.RestoreHours),
            CausedBy(i, filter),
        ])).ToList();
        return new Listing("Incidents resolved", "Incidents resolved in the window, newest first, with their time to restore (opened to resolved) "
            + "and the cause they name, if any; one no change caused fails no deployment and says why.", "/api/v1/incidents",
            ["Incident", "Title", "Service", "Severity", "Opened", "Resolved", "Time to restore (wall clock)", "Caused by"], found.Count, rows);
    }

    private Cell CausedBy(IncidentExplanation incident, DashboardFilter filter) => incident switch
    {
        { NotCausedReason: { } reason } => new($"not caused by a change ({reason})"),
        { CausedByPr: { } pr } => new($"pull request {pr}", incident.CausedByPrUrl ?? links.PullRequest(pr)),
        { CausedByDeployment: { } deployment } => new($"deployment {deployment}",
            Links.Explain("deployments", filter) + "#" + Uri.EscapeDataString(deployment)),
        { CausedBySha: { } sha } => new($"commit {(sha.Length > 10 ? sha[..10] : sha)}"),
        { WindowDeploymentId: { } deployment } => new($"not named; deployment {deployment} by time window",
            Links.Explain("deployments", filter) + "#" + Uri.EscapeDataString(deployment)),
        _ => new("not named (matched by time window, if at all)"),
    };

    private Listing DataQualityFindings(string? category, string? kind, CancellationToken ct)
    {
        var found = explain.DataQualityFindings(category, kind, ct);
        var rows = found.Take(MaxRows).Select((f, i) => ($"finding-{i + 1}", (IReadOnlyList<Cell>)
        [
            new(f.Category), new(f.Kind), new(f.Subject), new(f.Detail), When(f.RejectedAt),
        ])).ToList();
        return new Listing(kind is null ? "Data-quality findings" : $"Data-quality findings: {kind}",
            "What the derivations clamped, guessed or left out, and every rejected import line with its reason. Over all data: the window and "
            + "scope do not apply.", DataQualityApi(category, kind),
            ["Category", "Kind or file", "Concerns", "Detail", "Rejected"], found.Count, rows);
    }

    private static string DataQualityApi(string? category, string? kind)
    {
        var query = new[] { category is null ? null : $"category={Uri.EscapeDataString(category)}", kind is null ? null : $"kind={Uri.EscapeDataString(kind)}" }
            .OfType<string>().ToList();
        return query.Count == 0 ? "/api/v1/data-quality/findings" : $"/api/v1/data-quality/findings?{string.Join('&', query)}";
    }

    private Listing IdentityOccurrences(string? identity, CancellationToken ct)
    {
        var found = explain.IdentityOccurrences(identity, ct);
        var rows = found.Take(MaxRows).Select((o, i) => ($"{o.SeenIn}-{i + 1}", (IReadOnlyList<Cell>)
        [
            new(o.Identity), new(o.SeenIn.Replace('_', ' ')), new(o.Repo), new(o.Ref, o.Url), When(o.SeenAt),
        ])).ToList();
        return new Listing(identity is null ? "Unmapped identities: where they appear" : $"Where {identity} appears",
            "Commits, pull requests and reviews by identities no catalog User claims, newest first. Add the identity to a User "
            + "(spec.profile.email, github.com/user-login or devex.dev/aliases) to count its work for that person's team. Over all data: the "
            + "window and scope do not apply.",
            identity is null ? "/api/v1/data-quality/identity-occurrences" : $"/api/v1/data-quality/identity-occurrences?identity={Uri.EscapeDataString(identity)}",
            ["Identity", "Seen in", "Repository", "Commit or pull request", "When"], found.Count, rows);
    }
}
