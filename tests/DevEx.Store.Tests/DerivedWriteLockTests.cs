using Dapper;

namespace DevEx.Store.Tests;

/// <summary>
/// The derived tables' own lock: a source write (a webhook's) commits while a derivation's transaction on the derived
/// tables is open, both commits hold, and two derived writes still wait for each other.
/// </summary>
public sealed class DerivedWriteLockTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public async Task A_source_write_commits_while_a_derived_write_is_open()
    {
        var database = temporary.Database;
        database.Write((connection, _) => connection.Execute("""
            INSERT INTO incidents (id, source, service, opened_at) VALUES ('inc-1', 'test', 'api', TIMESTAMPTZ '2026-02-02 09:00:00+00');
            INSERT INTO d_incidents VALUES ('inc-old', 'api', NULL);
            """));
        using var derivedOpen = new ManualResetEventSlim();
        using var sourceCommitted = new ManualResetEventSlim();
        var derived = Task.Run(() => database.WriteDerived((connection, _) =>
        {
            // As the derivation does: replace the table's rows, reading a source table inside the transaction.
            connection.Execute("DELETE FROM d_incidents; INSERT INTO d_incidents SELECT id, service, NULL FROM incidents");
            derivedOpen.Set();
            sourceCommitted.Wait(TimeSpan.FromSeconds(10));
        }));
        derivedOpen.Wait();

        // The webhook's write: not waiting for the derivation, it commits while the derived transaction is open.
        var source = Task.Run(() => database.Write((connection, _) => connection.Execute(
            "INSERT INTO incidents (id, source, service, opened_at) VALUES ('inc-2', 'test', 'api', TIMESTAMPTZ '2026-02-03 09:00:00+00')")));
        var first = await Task.WhenAny(source, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.Same(source, first);
        await source;
        Assert.Equal(["inc-old"], Ids("d_incidents")); // the open derived transaction is not visible yet
        sourceCommitted.Set();
        await derived;

        // Both committed: the derivation's snapshot held inc-1 only, the source write added inc-2.
        Assert.Equal(["inc-1"], Ids("d_incidents"));
        Assert.Equal(["inc-1", "inc-2"], Ids("incidents"));
        Assert.Equal(1, database.DerivedWriteLock.CurrentCount);
        Assert.Equal(1, database.WriteLock.CurrentCount);
    }

    [Fact]
    public async Task A_derived_write_waits_while_another_holds_the_derived_lock()
    {
        var database = temporary.Database;
        using var entered = new ManualResetEventSlim();
        using var proceed = new ManualResetEventSlim();
        var first = Task.Run(() => database.WriteDerived((connection, _) =>
        {
            entered.Set();
            proceed.Wait(TimeSpan.FromSeconds(10));
            connection.Execute("INSERT INTO d_incidents VALUES ('first', 'api', NULL)");
        }));
        entered.Wait();
        var second = Task.Run(() => database.WriteDerived((connection, _) =>
            connection.Execute("INSERT INTO d_incidents VALUES ('second', 'api', NULL)")));

        var finished = await Task.WhenAny(second, Task.Delay(200));
        Assert.NotSame(second, finished);
        proceed.Set();
        await Task.WhenAll(first, second);

        Assert.Equal(["first", "second"], Ids("d_incidents"));
    }

    [Fact]
    public void A_derived_write_that_throws_leaves_nothing_and_frees_its_lock()
    {
        Assert.Throws<InvalidOperationException>(() => temporary.Database.WriteDerived((connection, _) =>
        {
            connection.Execute("INSERT INTO d_incidents VALUES ('lost', 'api', NULL)");
            throw new InvalidOperationException("derivation failed");
        }));

        Assert.Empty(Ids("d_incidents"));
        Assert.Equal(1, temporary.Database.DerivedWriteLock.CurrentCount);
    }

    private string[] Ids(string table)
    {
        using var connection = temporary.Database.Open();
        return connection.Query<string>($"SELECT id FROM {table} ORDER BY id").ToArray();
    }
}
