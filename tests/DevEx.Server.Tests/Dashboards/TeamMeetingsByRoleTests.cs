using System.Net.Http.Headers;
using DevEx.Server.Auth;
using Microsoft.Extensions.DependencyInjection;
using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// Platform sees every team's delivery figures but no team's meetings (docs/security.md, "Roles and scope"): the
/// overview's per-team tables show it without the teams' meeting figures, and say so; admin sees them. Over
/// <see cref="BetaCalendarsScenario"/>, W07: alpha's 5 people meet 2 h each (10 h), beta's 5 people 3 h each (15 h).
/// </summary>
public sealed class TeamMeetingsByRoleTests(BetaCalendarsFixture scenario) : IClassFixture<BetaCalendarsFixture>
{
    private const string NotShown = "Teams' meeting figures are not shown to your role: they are for the team's members, its leads and admins.";

    private async Task<string> AsPlatformAsync(string url)
    {
        var key = scenario.Factory.Services.GetRequiredService<ApiKeyService>().Create("platform-pages", [DevExRoles.Platform], [], 1).Created!.Key;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await scenario.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_waits_by_team_show_platform_no_meetings_column_and_admin_each_teams_hours()
    {
        var admin = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits-by-team");
        var meetings = Headers(admin).IndexOf("Meetings");
        // Alpha 10 h, up from W06's 5 h (5 people x 1 h); beta 15 h, its W06 withheld (2 people): no change shown.
        Assert.Equal(["10 h (+5 h)", "15 h"], Rows(admin).Select(r => r[meetings]));

        var platform = Panel(await AsPlatformAsync($"/?{FlowScenario.Week}"), "waits-by-team");
        Assert.DoesNotContain("Meetings", Headers(platform));
        Assert.Equal(["Alpha", "Beta"], Rows(platform).Select(r => r[0]));
        Assert.Contains(NotShown, Texts(platform, "p.note"));
        // The CSV is the same table: no meetings line.
        var csv = await AsPlatformAsync($"/dashboards/overview/panels/waits-by-team.csv?{FlowScenario.Week}");
        Assert.DoesNotContain("Meetings", csv, StringComparison.Ordinal);
        Assert.Contains("Meetings", await scenario.Client.GetStringAsync($"/dashboards/overview/panels/waits-by-team.csv?{FlowScenario.Week}"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_and_focus_shows_platform_the_flow_and_no_meeting_figures()
    {
        var admin = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "flow-and-focus");
        var people = Headers(admin).IndexOf("People with calendars");
        Assert.Equal(["5", "5"], Rows(admin).Take(2).Select(r => r[people]));

        var platform = Panel(await AsPlatformAsync($"/?{FlowScenario.Week}"), "flow-and-focus");
        var headers = Headers(platform);
        foreach (var row in Rows(platform).Take(2))
        {
            Assert.Equal("–", row[headers.IndexOf("People with calendars")]);
            Assert.Equal("–", row[headers.IndexOf("Meeting load (median)")]);
            Assert.Equal("–", row[headers.IndexOf("Focus hours per week (median)")]);
        }
        Assert.Equal(Rows(admin).Select(r => r[headers.IndexOf("Tickets done")]), Rows(platform).Select(r => r[headers.IndexOf("Tickets done")]));
        Assert.Contains(NotShown, Texts(platform, "p.note"));
    }

    [Fact]
    public async Task A_teams_waits_show_platform_no_meetings_line_and_the_organisations_show_it()
    {
        // Alpha in W07: its 5 people's 10 h of meetings is a line of its waits for admin, not for platform.
        var admin = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}&team=alpha"), "waits");
        Assert.Equal("10 h", Rows(admin).Single(r => r[0] == "Meetings")[1]);
        var platform = Panel(await AsPlatformAsync($"/?{FlowScenario.Week}&team=alpha"), "waits");
        Assert.DoesNotContain("Meetings", Rows(platform).Select(r => r[0]));
        Assert.Contains(NotShown, Texts(platform, "p.note"));
        // The organisation's 25 h (alpha 10 h + beta 15 h) are figures every role sees.
        var org = Panel(await AsPlatformAsync($"/?{FlowScenario.Week}"), "waits");
        Assert.Equal("25 h", Rows(org).Single(r => r[0] == "Meetings")[1]);
    }
}
