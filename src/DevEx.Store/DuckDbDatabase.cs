using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store;

/// <summary>
/// The one DuckDB database file of a DevEx process. DuckDB allows one process to own a file; inside the process
/// every connection shares the same database instance, so connections are cheap and opened per unit of work.
/// Writes are serialised through <see cref="WriteLock"/> because DuckDB resolves concurrent writers by aborting one;
/// every writer goes through <see cref="Write{T}"/>, which takes it, so no caller repeats the lock-open-begin-commit block.
/// The derived tables (d_*, ticket_status_intervals, ticket_links) have a lock of their own, <see cref="DerivedWriteLock"/>
/// (<see cref="WriteDerived"/>): only the derivation writes them and it writes nothing else there, and DuckDB commits
/// concurrent transactions that change disjoint tables (its conflicts are per row), so a webhook's or a sync's source
/// write never waits behind a derivation writing its rows (docs/architecture.md, "Two write locks").
/// One connection stays open for the object's lifetime: it keeps the database instance alive, so every further
/// connection attaches to it in microseconds instead of re-opening the file (about 20 ms on a 150 MB database).
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    static DuckDbDatabase() => DapperTypeHandlers.Register();

    private readonly string connectionString;

    /// <exception cref="DatabaseInUseException">Another process holds the file.</exception>
    /// <exception cref="DatabaseOpenException">DuckDB cannot open the file for another reason.</exception>
    /// <summary>DuckDB's threads per statement unless configured: see DevExOptions.DatabaseThreads.</summary>
    public const int DefaultThreads = 1;

    /// <param name="path">The file; created with its folder when missing.</param>
    /// <param name="threads">DuckDB's worker threads per statement (<c>SET threads</c>), 1 or more.</param>
    public DuckDbDatabase(string path, int threads = DefaultThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Path = path;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        connectionString = $"Data Source={path}";
        try
        {
            keepAlive = Open();
        }
        catch (DuckDBException e)
        {
            // Held by another process, or not a database: one line for the host to print, not DuckDB's text.
            throw DatabaseOpenFailures.Of(path, e);
        }
        try
        {
            // Bulk imports write hundreds of MB of WAL; checkpointing at every 16 MB (the default) doubled their commit
            // time. Writers call Checkpoint() when a whole import or derivation is done instead.
            keepAlive.Execute("SET checkpoint_threshold = '512MB'");
            keepAlive.Execute($"SET threads = {threads}");
        }
        catch
        {
            keepAlive.Dispose(); // releases the file, so the caller can report the failure and a retry can open it
            throw;
        }
    }

    private readonly DuckDBConnection keepAlive;

    public string Path { get; }

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>Serialises writes of the derived tables only; taken before <see cref="WriteLock"/> when both are needed.</summary>
    public SemaphoreSlim DerivedWriteLock { get; } = new(1, 1);

    private long dataGeneration;

    /// <summary>Goes up each time the derived tables are rebuilt; caches of metric results key on it.</summary>
    public long DataGeneration => Interlocked.Read(ref dataGeneration);

    public void MarkDataChanged() => Interlocked.Increment(ref dataGeneration);

    private long writeGeneration;

    /// <summary>Goes up after every committed write, source or derived; snapshots of source tables key on it.</summary>
    public long WriteGeneration => Interlocked.Read(ref writeGeneration);

    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection(connectionString);
        connection.Open();
        // Instants are stored as TIMESTAMPTZ; a UTC session zone makes every cast and date_trunc unambiguous.
        connection.Execute("SET TimeZone = 'UTC'");
        return connection;
    }

    public void Dispose() => keepAlive.Dispose();

    /// <summary>
    /// The one way to write: takes the write lock, opens a connection, begins a transaction, runs <paramref name="work"/>
    /// and commits. An exception rolls the transaction back (disposing it uncommitted) and releases the lock.
    /// </summary>
    public void Write(Action<DuckDBConnection, DuckDBTransaction> work, CancellationToken cancellationToken = default) =>
        Write<object?>((connection, transaction) =>
        {
            work(connection, transaction);
            return null;
        }, cancellationToken);

    /// <inheritdoc cref="Write(Action{DuckDBConnection, DuckDBTransaction}, CancellationToken)"/>
    public T Write<T>(Func<DuckDBConnection, DuckDBTransaction, T> work, CancellationToken cancellationToken = default)
    {
        WriteLock.Wait(cancellationToken);
        try
        {
            return InTransaction(work);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>
    /// As <see cref="Write(Action{DuckDBConnection, DuckDBTransaction}, CancellationToken)"/> for a transaction that
    /// writes derived tables only (it may read any table): under <see cref="DerivedWriteLock"/>, so source writers do
    /// not wait for it. Writing a source or state table here would race the source writers: DuckDB would abort one.
    /// </summary>
    public void WriteDerived(Action<DuckDBConnection, DuckDBTransaction> work, CancellationToken cancellationToken = default)
    {
        DerivedWriteLock.Wait(cancellationToken);
        try
        {
            InTransaction<object?>((connection, transaction) =>
            {
                work(connection, transaction);
                return null;
            });
        }
        finally
        {
            DerivedWriteLock.Release();
        }
    }

    /// <summary>As <see cref="Write{T}"/>, waiting for the write lock without blocking a thread.</summary>
    public async Task<T> WriteAsync<T>(Func<DuckDBConnection, DuckDBTransaction, T> work, CancellationToken cancellationToken = default)
    {
        await WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return InTransaction(work);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <exception cref="DiskFullException">The disk is full: the transaction is rolled back.</exception>
    private T InTransaction<T>(Func<DuckDBConnection, DuckDBTransaction, T> work)
    {
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
            transaction.Commit();
            Interlocked.Increment(ref writeGeneration);
            return result;
        }
        catch (DuckDBException e) when (DiskFullException.Is(e))
        {
            throw DiskFullException.For(Path, e);
        }
    }

    /// <summary>Folds the write-ahead log into the database file, so a restart has little to replay.</summary>
    /// <remarks>Under both locks: DuckDB refuses to checkpoint while another transaction has written.</remarks>
    public void Checkpoint()
    {
        DerivedWriteLock.Wait();
        WriteLock.Wait();
        try
        {
            using var connection = Open();
            connection.Execute("CHECKPOINT");
        }
        finally
        {
            WriteLock.Release();
            DerivedWriteLock.Release();
        }
    }

    /// <summary>
    /// True when opening upgraded an existing database with a migration that changes derived tables: they hold rows
    /// of the old derivation (new columns empty) until the derivations run again.
    /// </summary>
    public bool DerivedTablesOutdated { get; private set; }

    /// <summary>Opens the file and applies pending migrations.</summary>
    /// <exception cref="DatabaseOpenException">The file cannot be opened, or a newer DevEx wrote its schema (the file is released).</exception>
    public static DuckDbDatabase OpenAndMigrate(string path, int threads = DefaultThreads)
    {
        var database = new DuckDbDatabase(path, threads);
        try
        {
            using var connection = database.Open();
            var existing = SchemaMigrator.CurrentVersion(connection) > 0;
            var applied = SchemaMigrator.Migrate(connection);
            database.DerivedTablesOutdated = existing && SchemaMigrator.Embedded.Any(m => m.Rederives && applied.Contains(m.Version));
            return database;
        }
        catch (DatabaseOpenException e) when (e.Path.Length == 0)
        {
            database.Dispose();
            throw new DatabaseOpenException(path, e.Reason, e);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}
