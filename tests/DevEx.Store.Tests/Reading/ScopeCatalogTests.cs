using Dapper;
using DevEx.Store.Reading;

namespace DevEx.Store.Tests.Reading;

/// <summary>The teams and services a request may name, read once per write: a committed write is seen by the next lookup.</summary>
public sealed class ScopeCatalogTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void A_team_or_service_written_after_a_lookup_is_found_by_the_next_one()
    {
        var catalog = new ScopeCatalog(temporary.Database);
        Assert.False(catalog.TeamExists("payments"));
        Assert.False(catalog.ServiceExists("checkout"));

        temporary.Database.Write((connection, transaction) =>
        {
            connection.Execute("INSERT INTO teams VALUES ('payments', 'Payments', NULL, 'UTC', 'Mon-Fri 09:00-17:00')", transaction: transaction);
            connection.Execute("INSERT INTO services VALUES ('checkout', 'payments', NULL, NULL, true), ('ledger', 'finance', NULL, NULL, true)", transaction: transaction);
        });

        Assert.True(catalog.TeamExists("payments"));
        Assert.True(catalog.ServiceExists("checkout"));
        Assert.Equal("payments", catalog.OwnerTeam("checkout"));
        // 'finance' is no team: the service exists, owned by no team.
        Assert.True(catalog.ServiceExists("ledger"));
        Assert.Null(catalog.OwnerTeam("ledger"));
    }

    [Fact]
    public void A_team_deleted_by_a_write_is_gone_for_the_next_lookup()
    {
        temporary.Database.Write((connection, transaction) =>
            connection.Execute("INSERT INTO teams VALUES ('payments', 'Payments', NULL, 'UTC', 'Mon-Fri 09:00-17:00')", transaction: transaction));
        var catalog = new ScopeCatalog(temporary.Database);
        Assert.True(catalog.TeamExists("payments"));

        temporary.Database.Write((connection, transaction) => connection.Execute("DELETE FROM teams", transaction: transaction));

        Assert.False(catalog.TeamExists("payments"));
    }
}
