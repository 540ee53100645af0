using Dapper;
using DevEx.Store;

namespace DevEx.Server.Tests.Reliability;

/// <summary>Reads a database file the tests' service has let go of: counts, and counts of distinct keys.</summary>
internal static class DatabaseFile
{
    public static long Scalar(string path, string sql)
    {
        using var database = new DuckDbDatabase(path);
        using var connection = database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    /// <summary>The size of the write-ahead log DuckDB keeps next to the file (0 when there is none).</summary>
    public static long WalBytes(string path) => File.Exists(path + ".wal") ? new FileInfo(path + ".wal").Length : 0;

    /// <summary>
    /// Whether the write-ahead log, past <paramref name="offset"/>, holds <paramref name="text"/>: DuckDB appends a
    /// transaction's rows to it when the transaction commits (strings as they are), so a test sees that a batch with that
    /// text has committed while the service still runs, without opening the file the service holds.
    /// </summary>
    public static bool WalHolds(string path, long offset, string text)
    {
        try
        {
            using var wal = new FileStream(path + ".wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (wal.Length <= offset)
            {
                return false;
            }
            wal.Position = offset;
            var bytes = new byte[wal.Length - offset];
            wal.ReadExactly(bytes);
            return bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until a transaction holding <paramref name="text"/> has committed to the log past <paramref name="offset"/>,
    /// or <paramref name="request"/> is over. The log is written in pieces, within a few ms: it is whole (the commit
    /// marker written) once it stops growing, and an import's next batch comes a few hundred ms later.
    /// </summary>
    public static async Task WaitForCommitAsync(string path, long offset, string text, Task request)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!WalHolds(path, offset, text) && !request.IsCompleted && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(5);
        }
        for (var size = -1L; size != WalBytes(path) && !request.IsCompleted;)
        {
            size = WalBytes(path);
            await Task.Delay(30);
        }
    }
}
