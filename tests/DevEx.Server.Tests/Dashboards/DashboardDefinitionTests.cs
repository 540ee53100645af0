using System.Net;
using DevEx.Server.Tests.Api;
using DevEx.Server.Access;
using DevEx.Server.Dashboards;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// Dashboards as code: a folder of definitions where some are broken, and a panel over a query file that is not
/// built in. The good dashboards load, each broken file is reported with its reason, and no recompiling is needed.
/// </summary>
public sealed class DashboardDefinitionTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-tests", "dashboards-" + Guid.NewGuid().ToString("N"));
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private HttpClient client = null!;

    private string Dashboards => Path.Combine(folder, "dashboards");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Dashboards);
        Directory.CreateDirectory(Path.Combine(folder, "queries"));
        // A query a user adds: production deployments per service in the window.
        await File.WriteAllTextAsync(Path.Combine(folder, "queries", "deploys_per_service.sql"), """
            SELECT service, count(*) AS deployments FROM d_deployments
            WHERE finished_at >= $from AND finished_at < $to AND ($team::VARCHAR IS NULL OR owner_team = $team)
            GROUP BY service ORDER BY service
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "queries", "no_such_table.sql"), "SELECT count(*) AS n FROM no_such_table");
        Write("broken-query", """{ "title": "B", "order": 8, "panels": [ { "id": "counts", "title": "Counts", "kind": "table", "query": "no_such_table" } ] }""");
        await File.WriteAllTextAsync(Path.Combine(folder, "queries", "tricky_text.sql"), "SELECT '=1+2' AS title, -1.5 AS delta_hours, 'a,\"b\"' AS note");
        Write("mine", """
            { "title": "Mine", "order": 1, "panels": [
              { "id": "per-service", "title": "Deployments per service", "kind": "table", "query": "deploys_per_service" },
              { "id": "total", "title": "All deployments", "kind": "stat", "source": "dora", "value": "deployments" },
              { "id": "tricky", "title": "Text a spreadsheet would run", "kind": "table", "query": "tricky_text" } ] }
            """);
        Write("broken-json", """{ "title": "Oops", "panels": [ """);
        Write("unknown-kind", """{ "title": "K", "panels": [ { "id": "a", "title": "A", "kind": "pie", "source": "dora" } ] }""");
        Write("numeric-kind", """{ "title": "N", "panels": [ { "id": "a", "title": "A", "kind": 3, "source": "dora" } ] }""");
        Write("any-case-kind", """{ "title": "C", "order": 9, "panels": [ { "id": "a", "title": "A", "kind": "StackedBar", "query": "panel_dora_series", "y": ["deployments"] } ] }""");
        Write("unknown-source", """{ "title": "S", "panels": [ { "id": "a", "title": "A", "kind": "table", "source": "dorra" } ] }""");
        Write("unknown-query", """{ "title": "Q", "panels": [ { "id": "a", "title": "A", "kind": "table", "query": "../secrets" } ] }""");
        Write("typo", """{ "title": "T", "panels": [ { "id": "a", "title": "A", "kind": "stat", "source": "dora", "valeu": "deployments" } ] }""");
        Write("stat-without-value", """{ "title": "V", "panels": [ { "id": "a", "title": "A", "kind": "stat", "source": "dora" } ] }""");
        Write("unknown-shows", """{ "title": "W", "panels": [ { "id": "a", "title": "A", "kind": "table", "query": "deploys_per_service", "shows": "everyone" } ] }""");
        Write("shows-on-source", """{ "title": "O", "panels": [ { "id": "a", "title": "A", "kind": "table", "source": "dora-by-team", "shows": "figures" } ] }""");
        Write("missing-column", """{ "title": "M", "order": 2, "panels": [ { "id": "a", "title": "A", "kind": "stat", "source": "dora", "value": "deploys" } ] }""");
        factory.Settings["DevEx:Dashboards"] = Dashboards;
        factory.Settings["DevEx:Queries"] = Path.Combine(folder, "queries");
        client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
    }

    /// <summary>Each definition problem the page lists, as read: "dashboards/x.json: reason".</summary>
    private static List<string> Problems(string html) => PageHtml.Texts(html, ".problems li");

    /// <summary>The dashboards the page links to (by id), from its links to /dashboards/&lt;id&gt;?….</summary>
    private static List<string> Pages(string html) => PageHtml.Anchors(html)
        .Select(a => a.Href ?? "").Where(h => h.StartsWith("/dashboards/", StringComparison.Ordinal) && h.Contains('?'))
        .Select(h => h["/dashboards/".Length..h.IndexOf('?')]).Distinct().ToList();

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(Dashboards, name + ".json"), json);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        factory.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Good_dashboards_load_and_each_broken_file_is_named_with_its_reason()
    {
        var html = await client.GetStringAsync("/dashboards/mine?from=2026-02-02&to=2026-02-09");
        Assert.Equal(["Mine"], PageHtml.Texts(html, "h1"));
        var pages = Pages(html);
        Assert.Contains("missing-column", pages); // loads: a column is only known with data
        Assert.DoesNotContain("typo", pages);
        Assert.Contains("any-case-kind", pages); // "StackedBar" reads as stackedBar, as before
        var problems = Problems(html);
        Assert.Contains(problems, p => p.StartsWith("dashboards/broken-json.json: ", StringComparison.Ordinal));
        Assert.Contains("dashboards/unknown-kind.json: kind must be stat, line, bar, stackedBar, table, pivot or distribution, not 'pie'. Path: $.panels[0].kind", problems);
        Assert.Contains("dashboards/numeric-kind.json: kind must be stat, line, bar, stackedBar, table, pivot or distribution, not a JSON number. Path: $.panels[0].kind", problems);
        Assert.Contains(problems, p => p.StartsWith("dashboards/unknown-source.json: ", StringComparison.Ordinal) && p.Contains("unknown source 'dorra'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("dashboards/unknown-query.json: ", StringComparison.Ordinal) && p.Contains("no query '../secrets'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("dashboards/typo.json: ", StringComparison.Ordinal) && p.Contains("'valeu'", StringComparison.Ordinal)); // unknown property, named
        Assert.Contains(problems, p => p.StartsWith("dashboards/stat-without-value.json: ", StringComparison.Ordinal)
            && p.Contains("a stat panel needs 'value'", StringComparison.Ordinal));
        Assert.Contains("dashboards/unknown-shows.json: shows must be figures, teamMeetings, perTeam, listing or orgRows, not 'everyone'. Path: $.panels[0].shows", problems);
        // A built-in source says what it shows; a file cannot loosen it.
        Assert.Contains("dashboards/shows-on-source.json: panels[0] ('a'): shows is for a query panel; source 'dora-by-team' shows perTeam, as it says itself", problems);
    }

    [Fact]
    public void A_query_panel_shows_what_its_definition_says_and_per_team_rows_when_grouped_by_team_or_service()
    {
        var loader = factory.Services.GetRequiredService<PanelLoader>();
        PanelDefinition Query(string? group, Surface? shows) =>
            new() { Id = "a", Title = "A", Kind = PanelKind.Table, Query = "deploys_per_service", Group = group, Shows = shows };
        Assert.Equal(Surface.Figures, loader.Shows(Query(null, null)));
        Assert.Equal(Surface.Figures, loader.Shows(Query("none", null)));
        Assert.Equal(Surface.PerTeam, loader.Shows(Query("team", null)));
        Assert.Equal(Surface.PerTeam, loader.Shows(Query("service", null)));
        Assert.Equal(Surface.Listing, loader.Shows(Query(null, Surface.Listing)));
        Assert.Equal(Surface.Figures, loader.Shows(Query("team", Surface.Figures))); // said outright: what it says
        Assert.Equal(Surface.PerTeam, loader.Shows(new PanelDefinition { Id = "b", Title = "B", Kind = PanelKind.Table, Source = "dora-by-team" }));
        Assert.Equal(Surface.OrgRows, loader.Shows(new PanelDefinition { Id = "c", Title = "C", Kind = PanelKind.Table, Source = "last-sync" }));
    }

    [Fact]
    public async Task A_panel_over_a_new_query_file_shows_its_rows_without_recompiling()
    {
        var html = await client.GetStringAsync("/dashboards/mine?from=2026-02-02&to=2026-02-09");
        var panel = PageHtml.Panel(html, "per-service");
        Assert.Equal(["Service", "Deployments"], PageHtml.Headers(panel));
        Assert.Equal([["api", "4"]], PageHtml.Rows(panel));
        Assert.Equal(["4"], PageHtml.Texts(panel, "td.num")); // a number, set as one
        var csv = await client.GetStringAsync("/dashboards/mine/panels/per-service.csv?from=2026-02-02&to=2026-02-09");
        Assert.Equal("service,deployments\r\napi,4\r\n", csv);
    }

    [Fact]
    public async Task Csv_quotes_separators_and_defuses_formulas_but_not_negative_numbers()
    {
        var csv = await client.GetStringAsync("/dashboards/mine/panels/tricky.csv");
        Assert.Equal("title,delta_hours,note\r\n'=1+2,-1.5,\"a,\"\"b\"\"\"\r\n", csv);
    }

    [Fact]
    public async Task A_panel_over_a_broken_query_is_an_error_in_its_page_and_a_problem_naming_it_as_csv()
    {
        var page = await client.GetStringAsync("/dashboards/broken-query?from=2026-02-02&to=2026-02-09");
        var error = Assert.Single(PageHtml.Texts(PageHtml.Panel(page, "counts"), "p.error"));
        Assert.StartsWith("This panel could not be computed: ", error);
        Assert.Contains("no_such_table", error);

        var response = await client.GetAsync("/dashboards/broken-query/panels/counts.csv?from=2026-02-02&to=2026-02-09");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("counts", problem.RootElement.GetProperty("panel").GetString());
        Assert.Equal("broken-query", problem.RootElement.GetProperty("dashboard").GetString());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.StartsWith("Panel 'counts' of dashboard 'broken-query' could not be computed: ", detail);
        Assert.Contains("no_such_table", detail); // DuckDB's reason: the table does not exist
    }

    [Fact]
    public async Task A_column_the_data_lacks_is_an_error_inside_its_panel_only()
    {
        var response = await client.GetAsync("/dashboards/missing-column?from=2026-02-02&to=2026-02-09");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The data has no column 'deploys'", Assert.Single(PageHtml.Texts(PageHtml.Panel(html, "a"), "p.error")));
    }

    [Fact]
    public async Task Malformed_files_are_each_named_with_their_reason_and_every_page_still_serves()
    {
        Write("null-panel", """{ "title": "N", "panels": [ null ] }""");
        Write("null-panels", """{ "title": "P", "panels": null }""");
        Write("null-title", """{ "title": null, "panels": [ { "id": "a", "title": "A", "kind": "stat", "source": "dora", "value": "deployments" } ] }""");
        Write("null-y", """{ "title": "Y", "panels": [ { "id": "a", "title": "A", "kind": "line", "query": "panel_dora_series", "y": null } ] }""");
        Write("null-in-y", """{ "title": "Y2", "panels": [ { "id": "a", "title": "A", "kind": "line", "query": "panel_dora_series", "y": [ null ] } ] }""");
        Write("null-table", """{ "title": "T", "panels": [ { "id": "a", "title": "A", "kind": "table", "source": "dora", "table": null } ] }""");
        Write("null-in-table", """{ "title": "T2", "panels": [ { "id": "a", "title": "A", "kind": "table", "source": "dora", "table": [ null, { "label": "no name" } ] } ] }""");
        Write("wrong-types", """{ "title": "W", "order": "first", "panels": [ ] }""");
        Write("panels-object", """{ "title": "O", "panels": { "id": "a" } }""");
        Write("just-null", "null");
        Write("locked", """{ "title": "L", "panels": [ { "id": "a", "title": "A", "kind": "stat", "source": "dora", "value": "deployments" } ] }""");
        // Root reads any file whatever its mode, so "unreadable" is made with an exclusive lock: the reader's open fails.
        using var locked = new FileStream(Path.Combine(Dashboards, "locked.json"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        foreach (var url in new[] { "/", "/dashboards", "/dashboards/mine?from=2026-02-02&to=2026-02-09", "/explain/deployments?from=2026-02-02&to=2026-02-09" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var html = await client.GetStringAsync("/dashboards/mine?from=2026-02-02&to=2026-02-09");
        Assert.Equal([["api", "4"]], PageHtml.Rows(PageHtml.Panel(html, "per-service"))); // the good dashboard still computes
        var problems = Problems(html);
        string Of(string file) => Assert.Single(problems, p => p.StartsWith($"dashboards/{file}.json: ", StringComparison.Ordinal));
        Assert.StartsWith("dashboards/null-panel.json: panels[0] is null, not a panel", Of("null-panel"));
        Assert.Contains("Path: $.panels[0].y", Of("null-y")); // "y": null, named where it is
        Assert.StartsWith("dashboards/null-in-y.json: panels[0] ('a'): y must list column names", Of("null-in-y"));
        Assert.Contains("Path: $.panels[0].table", Of("null-table"));
        Assert.StartsWith("dashboards/null-in-table.json: panels[0] ('a'): every table column needs a name", Of("null-in-table"));
        Assert.StartsWith("dashboards/wrong-types.json: The JSON value could not be converted", Of("wrong-types"));
        Assert.Contains("Path: $.order", Of("wrong-types")); // "order": "first" is not a number
        Assert.StartsWith("dashboards/just-null.json: a dashboard needs a title and at least one panel", Of("just-null"));
        Assert.StartsWith("dashboards/locked.json: cannot read: ", Of("locked"));
        var pages = Pages(html);
        foreach (var broken in new[] { "null-panel", "null-panels", "null-title", "null-y", "null-in-y", "null-table", "null-in-table", "wrong-types",
                     "panels-object", "just-null", "locked" })
        {
            Of(broken);
            Assert.DoesNotContain(broken, pages);
        }
    }

    [Fact]
    public async Task An_edited_panel_definition_or_query_file_shows_at_the_next_request_with_no_new_data()
    {
        const string Url = "/dashboards/mine?from=2026-02-02&to=2026-02-09";
        var before = await client.GetStringAsync(Url);
        Assert.Equal(["Deployments per service"], PageHtml.Texts(PageHtml.Panel(before, "per-service"), "h2"));
        Assert.Equal([["api", "4"]], PageHtml.Rows(PageHtml.Panel(before, "per-service"))); // D1..D4

        // The query now counts each deployment ten times: 4 x 10 = 40. Nothing was imported, so the data generation is the same.
        await File.WriteAllTextAsync(Path.Combine(folder, "queries", "deploys_per_service.sql"), """
            SELECT service, count(*) * 10 AS deployments FROM d_deployments
            WHERE finished_at >= $from AND finished_at < $to AND ($team::VARCHAR IS NULL OR owner_team = $team)
            GROUP BY service ORDER BY service
            """);
        var afterQuery = await client.GetStringAsync(Url);
        Assert.Equal([["api", "40"]], PageHtml.Rows(PageHtml.Panel(afterQuery, "per-service")));
        Assert.Equal("service,deployments\r\napi,40\r\n", await client.GetStringAsync("/dashboards/mine/panels/per-service.csv?from=2026-02-02&to=2026-02-09"));

        // The definition now titles the panel differently and labels its column.
        Write("mine", """
            { "title": "Mine", "order": 1, "panels": [
              { "id": "per-service", "title": "Deploys by service", "kind": "table", "query": "deploys_per_service",
                "table": [ { "name": "service" }, { "name": "deployments", "label": "Deploys x 10" } ] },
              { "id": "total", "title": "All deployments", "kind": "stat", "source": "dora", "value": "deployments" },
              { "id": "tricky", "title": "Text a spreadsheet would run", "kind": "table", "query": "tricky_text" } ] }
            """);
        File.SetLastWriteTimeUtc(Path.Combine(Dashboards, "mine.json"), DateTime.UtcNow.AddMinutes(1));
        var afterDefinition = await client.GetStringAsync(Url);
        var edited = PageHtml.Panel(afterDefinition, "per-service");
        Assert.Equal(["Deploys by service"], PageHtml.Texts(edited, "h2"));
        Assert.Equal(["Service", "Deploys x 10"], PageHtml.Headers(edited));
        Assert.DoesNotContain("Deployments per service", PageHtml.Texts(afterDefinition, "h2"));
    }

    [Fact]
    public async Task A_panel_added_at_run_time_over_a_new_query_is_grouped_as_its_definition_says()
    {
        // Written while the service runs: a query over $group and the view's scope, and a dashboard with the same query
        // grouped by service and by team. The worked example: D1..D4, all of service api, owned by team core.
        await File.WriteAllTextAsync(Path.Combine(folder, "queries", "deploys_by_group.sql"), """
            SELECT CASE $group WHEN 'service' THEN service WHEN 'team' THEN owner_team ELSE 'all' END AS grp, count(*) AS deployments
            FROM d_deployments
            WHERE finished_at >= $from AND finished_at < $to AND ($team::VARCHAR IS NULL OR owner_team = $team)
              AND ($service::VARCHAR IS NULL OR service = $service)
            GROUP BY grp ORDER BY grp
            """);
        Write("grouped", """
            { "title": "Grouped", "order": 4, "panels": [
              { "id": "by-service", "title": "By service", "kind": "table", "query": "deploys_by_group", "group": "service" },
              { "id": "by-team", "title": "By team", "kind": "table", "query": "deploys_by_group", "group": "team" },
              { "id": "all", "title": "All", "kind": "stat", "query": "deploys_by_group", "value": "deployments" } ] }
            """);
        var html = await client.GetStringAsync("/dashboards/grouped?from=2026-02-02&to=2026-02-09");
        Assert.Equal([["api", "4"]], PageHtml.Rows(PageHtml.Panel(html, "by-service")));
        Assert.Equal([["core", "4"]], PageHtml.Rows(PageHtml.Panel(html, "by-team")));
        Assert.Equal("4", PageHtml.Stat(PageHtml.Panel(html, "all"))); // group none
        // The week before holds no deployment: the same panels, no rows.
        var before = await client.GetStringAsync("/dashboards/grouped?from=2026-01-26&to=2026-02-02");
        Assert.Equal(["No rows in this window."], PageHtml.Texts(PageHtml.Panel(before, "by-service"), "p.muted"));
    }

    [Fact]
    public async Task A_group_other_than_none_team_or_service_is_a_definition_problem()
    {
        Write("bad-group", """{ "title": "G", "order": 9, "panels": [ { "id": "a", "title": "A", "kind": "table", "query": "deploys_per_service", "group": "repo" } ] }""");
        using var document = PageHtml.Parse(await client.GetStringAsync("/dashboards"));
        Assert.Contains(document.QuerySelectorAll(".problems li"), li => li.TextContent.StartsWith("dashboards/bad-group.json: ", StringComparison.Ordinal)
            && li.TextContent.Contains("group is none, team or service, and only for a query panel (not 'repo')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_definition_counts_on_the_next_request()
    {
        Write("typo", """{ "title": "Fixed", "order": 3, "panels": [ { "id": "a", "title": "A", "kind": "stat", "source": "dora", "value": "deployments" } ] }""");
        File.SetLastWriteTimeUtc(Path.Combine(Dashboards, "typo.json"), DateTime.UtcNow.AddMinutes(1));
        var html = await client.GetStringAsync("/dashboards/typo?from=2026-02-02&to=2026-02-09");
        Assert.Equal(["Fixed"], PageHtml.Texts(html, "h1"));
    }
}
