using Dapper;
using DevEx.Store.Reading;

namespace DevEx.Store.Tests.Reading;

/// <summary>
/// Who a sign-in is in the catalog. Scenario: User ana (ana@acme.example, also known by the email identity
/// ana.s@old.example and the login ana-gh) in teams web and core; User bo (no email) in core; unmapped:carl, a name no
/// User claims, with the email identity carl@acme.example.
/// </summary>
public sealed class PersonDirectoryTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public PersonDirectoryTests() =>
        temporary.Database.Write((connection, transaction) =>
        {
            connection.Execute("""
                INSERT INTO people VALUES ('ana', 'Ana S', 'ana@acme.example', NULL, true), ('bo', 'Bo', NULL, NULL, true),
                                          ('unmapped:carl', NULL, 'carl@acme.example', NULL, false);
                INSERT INTO identities VALUES ('ana@acme.example', 'ana', 'email'), ('ana.s@old.example', 'ana', 'email'),
                                              ('ana-gh', 'ana', 'login'), ('carl@acme.example', 'unmapped:carl', 'email');
                INSERT INTO team_memberships VALUES ('web', 'ana'), ('core', 'ana'), ('core', 'bo');
                """, transaction: transaction);
        });

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void A_user_is_found_by_name_with_their_teams_in_team_order()
    {
        var directory = new PersonDirectory(temporary.Database);

        var ana = directory.ByName("ana")!;
        Assert.Equal(("ana", "Ana S"), (ana.Id, ana.DisplayName));
        Assert.Equal(["core", "web"], ana.Teams); // by team id
        Assert.Equal("ana", directory.ByName("ANA")?.Id); // names compare case-insensitively
        Assert.Equal(["core"], directory.ByName("bo")!.Teams);
    }

    [Fact]
    public void A_user_is_found_by_their_profile_email_or_an_email_identity_but_not_by_a_login()
    {
        var directory = new PersonDirectory(temporary.Database);

        Assert.Equal("ana", directory.ByEmail("Ana@Acme.Example")?.Id);
        Assert.Equal("ana", directory.ByEmail("ana.s@old.example")?.Id);
        Assert.Null(directory.ByEmail("ana-gh")); // a login is no email
    }

    [Fact]
    public void An_unknown_name_or_email_and_an_unmapped_person_are_nobody()
    {
        var directory = new PersonDirectory(temporary.Database);

        Assert.Null(directory.ByName("dora"));
        Assert.Null(directory.ByEmail("dora@acme.example"));
        Assert.Null(directory.ByName("unmapped:carl"));
        Assert.Null(directory.ByEmail("carl@acme.example"));
        Assert.Null(directory.ByName(null));
        Assert.Null(directory.ByEmail(" "));
    }

    [Fact]
    public void A_membership_written_later_is_seen_by_the_next_lookup()
    {
        var directory = new PersonDirectory(temporary.Database);
        Assert.Equal(["core"], directory.ByName("bo")!.Teams);

        temporary.Database.Write((connection, transaction) =>
            connection.Execute("INSERT INTO team_memberships VALUES ('api', 'bo')", transaction: transaction));

        Assert.Equal(["api", "core"], directory.ByName("bo")!.Teams);
    }
}
