using DevEx.Reports.Weekly;

namespace DevEx.Reports.Tests.Weekly;

/// <summary>A team in Pacific/Auckland (+13:00 in February) gets the deployments of its own Monday-to-Monday.</summary>
public sealed class TeamZoneWeekTests : IDisposable
{
    private readonly Scenario scenario = new Scenario()
        .Team("core", "Pacific/Auckland").Service("api", "core")
        .Deployment("D1", "a1", "2026-02-01T10:30:00Z")  // Sun 23:30 in Auckland: W05
        .Deployment("D2", "a2", "2026-02-01T11:30:00Z")  // Mon 00:30 in Auckland: W06 (still Sunday in UTC)
        .Deployment("D3", "a3", "2026-02-08T10:59:00Z")  // Sun 23:59 in Auckland: W06
        .Deployment("D4", "a4", "2026-02-08T11:00:00Z")  // Mon 00:00 in Auckland: W07
        .Derive();

    [Fact]
    public void Week_boundaries_are_midnight_monday_in_the_team_zone()
    {
        var report = ScenarioWeek.Builder(scenario).Build(ScenarioWeek.Team("Pacific/Auckland"), ScenarioWeek.Week);
        Assert.Equal("Pacific/Auckland", report.TimeZone);
        Assert.Equal((2.0, 1.0), (report.Figure("deployments").Value, report.Figure("deployments").Previous));
    }

    public void Dispose() => scenario.Dispose();
}
