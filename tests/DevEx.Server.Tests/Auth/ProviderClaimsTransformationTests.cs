using System.Security.Claims;
using Dapper;
using DevEx.Server.Auth;
using DevEx.Store.Reading;
using DevEx.TestSupport;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// A provider's sign-in mapped to a catalog User and teams. Catalog: User ana (ana@acme.example, login name in the
/// provider "asmith") in Groups web and core. Group claim mapping: "devs" → role member, "g-ops" → team ops.
/// </summary>
public sealed class ProviderClaimsTransformationTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public ProviderClaimsTransformationTests() =>
        temporary.Database.Write((connection, transaction) => connection.Execute("""
            INSERT INTO people VALUES ('ana', 'Ana S', 'ana@acme.example', NULL, true), ('asmith', 'Another', NULL, NULL, true);
            INSERT INTO team_memberships VALUES ('web', 'ana'), ('core', 'ana');
            """, transaction: transaction));

    public void Dispose() => temporary.Dispose();

    [Fact]
    public async Task By_default_the_user_is_the_one_whose_email_the_sign_in_carries_and_their_groups_are_teams()
    {
        var mapped = await Transform(new OidcSettings(), ("email", "ana@acme.example"), ("groups", "devs"), ("groups", "g-ops"));

        Assert.Equal("ana", mapped.DevExPerson());
        Assert.Equal(["member"], mapped.DevExRoles());
        Assert.Equal(["ops", "core", "web"], mapped.DevExTeams()); // the group mapping's ops, then ana's Groups by id
    }

    [Fact]
    public async Task A_person_claim_names_the_user_and_the_email_is_then_not_used()
    {
        var mapped = await Transform(new OidcSettings { PersonClaim = "preferred_username" },
            ("email", "ana@acme.example"), ("preferred_username", "asmith"), ("groups", "devs"));

        Assert.Equal("asmith", mapped.DevExPerson()); // the User named asmith, not ana of the email
        Assert.Equal([], mapped.DevExTeams()); // asmith is in no Group
    }

    [Fact]
    public async Task Without_teams_from_the_catalog_only_the_group_mapping_gives_teams()
    {
        var mapped = await Transform(new OidcSettings { TeamsFromCatalog = false }, ("email", "ana@acme.example"), ("groups", "g-ops"));

        Assert.Equal("ana", mapped.DevExPerson());
        Assert.Equal(["ops"], mapped.DevExTeams());
    }

    [Fact]
    public async Task A_sign_in_no_user_matches_has_no_person_and_keeps_its_mapped_teams()
    {
        var mapped = await Transform(new OidcSettings(), ("email", "stranger@elsewhere.example"), ("groups", "g-ops"));

        Assert.Null(mapped.DevExPerson());
        Assert.Equal(["ops"], mapped.DevExTeams());
        Assert.Equal(["viewer"], mapped.DevExRoles()); // DefaultRole
    }

    private async Task<ClaimsPrincipal> Transform(OidcSettings oidc, params (string Type, string Value)[] claims)
    {
        oidc.Roles["devs"] = "member";
        oidc.Teams["g-ops"] = "ops";
        var options = Options.Create(new AuthOptions { Oidc = oidc });
        var transformation = new ProviderClaimsTransformation(options, new PersonMapping(new PersonDirectory(temporary.Database), options));
        var provider = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc");
        return await transformation.TransformAsync(new ClaimsPrincipal(provider));
    }
}
