using DevEx.Analytics.Derivations;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// <see cref="FlowScenario"/> plus calendars for team beta and a pull request merged after a night, for the figures that
/// need them: meeting totals where subtraction could undo the minimum cohort, teams ordered by their waits alone, and
/// working hours in the slowest pull requests. Added on top of FlowScenario (all UTC, Mon-Fri 09:00-17:00):
///   People be1..be5 in team beta. Calendars (4 attendees, accepted):
///     W06: a4 and a5 also meet Mon 02-02 09-10, so alpha has 5 people of 1 h (5 h); be1 and be2 meet Tue 02-03 09-12 (3 h
///          each): beta has 2 people, fewer than MinCohort (5): withheld. All teams: 7 people, 5 + 6 = 11 h; alpha's 5 h is
///          shown, and 11 - 5 = 6 h would be be1's and be2's: 7 - 5 = 2 people left over, so the 11 h are withheld.
///     W07: be1..be5 meet Tue 02-10 09-12 (3 h each, 15 h) beside alpha's 5 x 2 h = 10 h. All teams: 10 people, 25 h; both
///          teams shown, 10 - 5 - 5 = 0 people left over: the 25 h are shown (their previous period, W06, is withheld).
///   Pull request beta#3: ready Mon 02-16 16:00, first review Tue 02-17 10:00, approved 11:00, merged 12:00 (W08). Pickup:
///     18 wall-clock hours but 2 working hours (Mon 16-17 and Tue 09-10); review 1 h; merge wait 1 h; ready to merged 20 h.
/// </summary>
internal static class BetaCalendarsScenario
{
    public const string Week08 = "from=2026-02-16&to=2026-02-23";

    private static readonly string[] BetaPeople = ["be1", "be2", "be3", "be4", "be5"];

    private static string Catalog() => FlowScenario.Catalog() + FlowScenario.Users("beta", BetaPeople);

    private const string PullRequest = """
        {"repo":"acme/beta","number":3,"author":"dev","createdAt":"2026-02-16T16:00:00Z","mergedAt":"2026-02-17T12:00:00Z","closedAt":"2026-02-17T12:00:00Z","title":"Cache warm-up","url":"https://github.com/acme/beta/pull/3","reviews":[{"reviewer":"rev","state":"COMMENTED","submittedAt":"2026-02-17T10:00:00Z"},{"reviewer":"rev","state":"APPROVED","submittedAt":"2026-02-17T11:00:00Z"}]}
        """;

    public static async Task LoadAsync(DevExAppFactory factory, HttpClient client)
    {
        await FlowScenario.LoadAsync(factory, client);
        foreach (var (kind, body) in new[] { ("catalog", Catalog()), ("pull-requests", PullRequest) })
        {
            var response = await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body));
            response.EnsureSuccessStatusCode();
        }
        FlowScenario.Meeting(factory, "a4", "2026-02-02", 9, 10);
        FlowScenario.Meeting(factory, "a5", "2026-02-02", 9, 10);
        foreach (var person in BetaPeople.Take(2))
        {
            FlowScenario.Meeting(factory, person, "2026-02-03", 9, 12);
        }
        foreach (var person in BetaPeople)
        {
            FlowScenario.Meeting(factory, person, "2026-02-10", 9, 12);
        }
        factory.Services.GetRequiredService<DerivationRunner>().Run();
    }
}

/// <summary>The service over <see cref="BetaCalendarsScenario"/>, loaded once per test class that reads it.</summary>
public sealed class BetaCalendarsFixture : IAsyncLifetime
{
    public DevExAppFactory Factory { get; } = FlowScenario.Factory();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        await BetaCalendarsScenario.LoadAsync(Factory, Client);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<string> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
