using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// Two teams may share a display name: <see cref="FlowScenario"/> with team beta also called "Alpha". The per-team
/// table keeps them apart by id (each row links to its own team) and shows each team's own hours (as in
/// <see cref="OverviewPageTests"/>: alpha 24.9 h in total with pickup 8 h; beta 11.3 h with tickets waiting 6 h).
/// </summary>
public sealed class SameTeamNamesTests : IAsyncLifetime, IDisposable
{
    private readonly DevExAppFactory factory = FlowScenario.Factory();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        await FlowScenario.LoadAsync(factory, client);
        var response = await client.PostAsync("/api/v1/import/catalog", new StringContent(FlowScenario.Catalog(betaName: "Alpha")));
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Teams_with_the_same_name_are_two_rows_each_with_its_own_numbers()
    {
        var html = await client.GetStringAsync($"/?{FlowScenario.Week}");
        var pivot = Panel(html, "waits-by-team");
        Assert.DoesNotContain("could not be computed", pivot);
        var headers = Headers(pivot);
        var rows = Rows(pivot);
        Assert.Equal(["Alpha", "Alpha"], rows.Select(r => r[0]));
        Assert.Equal(["/?from=2026-02-09&to=2026-02-16&team=alpha", "/?from=2026-02-09&to=2026-02-16&team=beta"], Links(pivot).Select(r => r[0]));
        Assert.Equal("8 h (+7 h)", rows[0][headers.IndexOf("Waiting for first review")]);
        Assert.Equal("–", rows[0][headers.IndexOf("Tickets waiting")]);
        // Beta's first merged pull request and first ticket transition are in W07: W06 lies before beta's data starts,
        // so its waits show no change (not "+1 h from 0 h").
        Assert.Equal("1 h", rows[1][headers.IndexOf("Waiting for first review")]);
        Assert.Equal("6 h", rows[1][headers.IndexOf("Tickets waiting")]);
        Assert.Equal(["Alpha: waiting for first review rose from 1 h to 8 h"], PageHtml.Texts(Panel(html, "biggest-change"), "p.caption"));
    }
}
