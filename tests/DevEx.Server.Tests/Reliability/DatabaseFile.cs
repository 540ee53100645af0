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
}
