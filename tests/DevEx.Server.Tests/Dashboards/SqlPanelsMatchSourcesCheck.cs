using DevEx.Analytics.Metrics;
using DevEx.Server.Dashboards;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>One-off check before the C# sources go: each query panel equals the source it replaces on the bundled sample.</summary>
public sealed class SqlPanelsMatchSourcesCheck
{
    [Fact]
    public async Task Each_query_panel_equals_its_source_on_the_bundled_sample()
    {
        var now = Instant.FromUtc(2026, 11, 25, 12, 0);
        using var factory = new DevExAppFactory(now, Path.Combine(RepositoryRoot.Path, "sample-data"));
        var client = factory.CreateClient();
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        var loader = factory.Services.GetRequiredService<PanelLoader>();
        var sources = factory.Services.GetRequiredService<PanelSourceRegistry>();
        var teams = factory.Services.GetRequiredService<OrgService>().Teams();
        var pairs = new[]
        {
            ("tickets", "panel_tickets"),
        };
        var failures = new List<string>();
        var compared = 0;
        foreach (var scope in new[] { MetricScope.Org, new MetricScope(Team: teams[0].Id), new MetricScope(Team: teams[^1].Id) })
        {
            foreach (var (weeks, interval) in new[] { (12, MetricInterval.Week), (4, MetricInterval.Day), (26, MetricInterval.Month), (9, MetricInterval.Week) })
            {
                var filter = new DashboardFilter(new MetricWindow(new LocalDate(2026, 11, 23).PlusWeeks(-weeks), new LocalDate(2026, 11, 23).PlusDays(weeks == 9 ? -3 : 0), DateTimeZone.Utc),
                    scope, interval);
                foreach (var (source, query) in pairs)
                {
                    var expected = sources.Find(source)!.Load(filter, default);
                    var actual = loader.Load(new PanelDefinition { Id = "x", Title = "x", Query = query }, filter, default);
                    compared += expected.Rows.Count;
                    var where = $"{source} {scope} {weeks}w {interval}";
                    if (expected.Rows.Count != actual.Rows.Count)
                    {
                        failures.Add($"{where}: {expected.Rows.Count} rows, query {actual.Rows.Count}");
                        continue;
                    }
                    foreach (var column in expected.Columns)
                    {
                        if (!actual.Has(column.Name))
                        {
                            failures.Add($"{where}: no column {column.Name}");
                            continue;
                        }
                        for (var r = 0; r < expected.Rows.Count; r++)
                        {
                            var e = expected.Value(expected.Rows[r], column.Name);
                            var a = actual.Value(actual.Rows[r], column.Name);
                            var same = PanelData.Number(e) is { } x && PanelData.Number(a) is { } y ? Math.Abs(x - y) < 1e-9
                                : Format.Raw(e) == Format.Raw(a);
                            if (!same)
                            {
                                failures.Add($"{where} row {r} {column.Name}: '{Format.Raw(e)}' vs '{Format.Raw(a)}'");
                            }
                        }
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
        Assert.True(compared > 10, $"only {compared} rows compared");
    }
}
