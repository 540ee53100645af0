using Dapper;
using DevEx.Store.Writing;

namespace DevEx.Store.Tests.Writing;

public sealed class TableReplacementsTests : IDisposable
{
    private sealed record Link(string TicketKey, string Repo, int Number, string Method);

    private static readonly TableSpec<Link> Links = new("ticket_links", ["ticket_key", "repo", "number"],
    [
        new("ticket_key", l => l.TicketKey), new("repo", l => l.Repo), new("number", l => l.Number), new("method", l => l.Method),
    ]);

    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Keyed_replacement_rewrites_the_named_keys_and_keeps_the_others()
    {
        Seed(new Link("A-1", "web", 1, "title"), new Link("A-2", "web", 2, "title"), new Link("A-3", "api", 3, "branch"));

        // A-1 re-derived with a new link, A-2 re-derived with none: A-3 is not named, so it stays.
        temporary.Database.Write((connection, _) =>
            new TableReplacements().Replace(Links, [new Link("A-1", "api", 9, "commit")], "ticket_key", ["A-1", "A-2"]).Apply(connection));

        Assert.Equal(["A-1 api#9 commit", "A-3 api#3 branch"], Stored());
    }

    [Fact]
    public void Replacement_without_keys_rewrites_the_whole_table()
    {
        Seed(new Link("A-1", "web", 1, "title"), new Link("A-3", "api", 3, "branch"));

        temporary.Database.Write((connection, _) =>
            new TableReplacements().Replace(Links, [new Link("A-2", "web", 2, "title")], "ticket_key", keys: null).Apply(connection));

        Assert.Equal(["A-2 web#2 title"], Stored());
    }

    [Fact]
    public void Nothing_changes_until_the_replacements_are_applied()
    {
        Seed(new Link("A-1", "web", 1, "title"));

        _ = new TableReplacements().Replace(Links, []);

        Assert.Equal(["A-1 web#1 title"], Stored());
    }

    [Fact]
    public void A_key_column_outside_the_spec_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableReplacements().Replace(Links, [], "key; DROP TABLE tickets", ["A-1"]));

        Assert.Contains("ticket_links has no column", error.Message, StringComparison.Ordinal);
    }

    private void Seed(params Link[] links) =>
        temporary.Database.Write((connection, _) => TableWriter.Upsert(connection, Links, links));

    private List<string> Stored()
    {
        using var connection = temporary.Database.Open();
        return connection.Query<(string Key, string Repo, int Number, string Method)>(
                "SELECT ticket_key, repo, number, method FROM ticket_links ORDER BY ticket_key, repo, number")
            .Select(l => $"{l.Key} {l.Repo}#{l.Number} {l.Method}").ToList();
    }
}
