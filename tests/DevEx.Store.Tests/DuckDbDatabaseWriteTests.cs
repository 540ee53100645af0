using Dapper;

namespace DevEx.Store.Tests;

/// <summary>The one write path: commit on success, rollback on an exception, and the lock free again either way.</summary>
public sealed class DuckDbDatabaseWriteTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void A_write_that_returns_is_committed()
    {
        temporary.Database.Write((connection, _) => Insert(connection, "a"));
        var written = temporary.Database.Write((connection, _) => Insert(connection, "b"));

        Assert.Equal(1, written);
        Assert.Equal(["a", "b"], Urls());
    }

    [Fact]
    public void A_write_that_throws_leaves_none_of_its_rows_and_frees_the_lock()
    {
        temporary.Database.Write((connection, _) => Insert(connection, "a"));

        var thrown = Assert.Throws<InvalidOperationException>(() => temporary.Database.Write((connection, _) =>
        {
            Insert(connection, "b");
            Insert(connection, "c");
            throw new InvalidOperationException("mapping failed");
        }));

        Assert.Equal("mapping failed", thrown.Message);
        Assert.Equal(["a"], Urls());
        Assert.Equal(1, temporary.Database.WriteLock.CurrentCount);
        // The next writer is not blocked by the failed one.
        temporary.Database.Write((connection, _) => Insert(connection, "d"));
        Assert.Equal(["a", "d"], Urls());
    }

    [Fact]
    public async Task An_asynchronous_write_commits_and_a_failing_one_rolls_back()
    {
        var written = await temporary.Database.WriteAsync((connection, _) => Insert(connection, "a"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => temporary.Database.WriteAsync<int>((connection, _) =>
        {
            Insert(connection, "b");
            throw new InvalidOperationException("stop");
        }));

        Assert.Equal(1, written);
        Assert.Equal(["a"], Urls());
        Assert.Equal(1, temporary.Database.WriteLock.CurrentCount);
    }

    [Fact]
    public async Task A_write_waits_while_another_holds_the_lock()
    {
        using var entered = new ManualResetEventSlim();
        using var proceed = new ManualResetEventSlim();
        var first = Task.Run(() => temporary.Database.Write((connection, _) =>
        {
            entered.Set();
            proceed.Wait();
            Insert(connection, "first");
        }));
        entered.Wait();
        var second = Task.Run(() => temporary.Database.Write((connection, _) => Insert(connection, "second")));

        // While the first holds the lock the second cannot have written.
        var finished = await Task.WhenAny(second, Task.Delay(200));
        Assert.NotSame(second, finished);
        proceed.Set();
        await Task.WhenAll(first, second);

        Assert.Equal(["first", "second"], Urls());
    }

    private static int Insert(DuckDB.NET.Data.DuckDBConnection connection, string url) =>
        connection.Execute("INSERT INTO http_cache (url, body, stored_at) VALUES ($url, 'x', TIMESTAMPTZ '2026-02-02 09:00:00+00')", new { url });

    private string[] Urls()
    {
        using var connection = temporary.Database.Open();
        return connection.Query<string>("SELECT url FROM http_cache ORDER BY url").ToArray();
    }
}
