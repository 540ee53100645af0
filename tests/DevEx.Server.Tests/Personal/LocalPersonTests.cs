using System.Net;
using System.Text.Json;
using Dapper;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Personal;

/// <summary>
/// The local administrator (no sign-in configured) is no one, unless DevEx:Auth:LocalPerson names a catalog User: then
/// they are that User, with the User's Group (web) as a team. Catalog: User ana in web.
/// </summary>
public sealed class LocalPersonTests
{
    [Fact]
    public async Task Without_local_person_the_administrator_is_no_one_and_the_figures_are_a_404_naming_the_setting()
    {
        using var factory = new DevExAppFactory(Instant.FromUtc(2026, 2, 18, 12, 0));
        var client = Catalog(factory);

        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal(("local administrator", JsonValueKind.Null), (me.GetProperty("name").GetString(), me.GetProperty("person").ValueKind));
        var figures = await client.GetAsync("/api/v1/me/pull-requests");
        Assert.Equal(HttpStatusCode.NotFound, figures.StatusCode);
        Assert.Contains("DevEx:Auth:LocalPerson", await figures.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_local_person_the_administrator_is_that_user_with_their_teams()
    {
        using var factory = new DevExAppFactory(Instant.FromUtc(2026, 2, 18, 12, 0));
        factory.Settings["DevEx:Auth:LocalPerson"] = "ana";
        var client = Catalog(factory);

        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal("ana", me.GetProperty("person").GetString());
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["web"], me.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/pull-requests")).StatusCode);
    }

    private static HttpClient Catalog(DevExAppFactory factory)
    {
        var client = factory.CreateClient();
        using var connection = factory.Services.GetRequiredService<DuckDbDatabase>().Open();
        connection.Execute("""
            INSERT INTO people VALUES ('ana', 'Ana S', 'ana@acme.example', NULL, true);
            INSERT INTO team_memberships VALUES ('web', 'ana');
            """);
        return client;
    }
}
