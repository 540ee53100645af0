using DuckDB.NET.Data;

namespace DevEx.Store;

/// <summary>
/// A write failed because the disk holding the database is full. The transaction is rolled back, so what was committed
/// before is intact; freeing space and retrying is enough. Store raises it in place of DuckDB's IO error, so hosts can
/// answer it (507) without reading DuckDB's messages.
/// </summary>
public sealed class DiskFullException : IOException
{
    public DiskFullException()
        : this("", "the disk is full") { }

    public DiskFullException(string message)
        : base(message) => Directory = "";

    public DiskFullException(string message, Exception innerException)
        : base(message, innerException) => Directory = "";

    public DiskFullException(string directory, string message, Exception? innerException = null)
        : base(message, innerException) => Directory = directory;

    /// <summary>The folder of the database file: the disk to free space on.</summary>
    public string Directory { get; }

    /// <summary>DuckDB's IO error for ENOSPC, on the file or on its write-ahead log.</summary>
    internal static bool Is(DuckDBException exception) => exception.Message.Contains("No space left on device", StringComparison.Ordinal);

    internal static DiskFullException For(string databasePath, Exception exception)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath)) ?? databasePath;
        return new DiskFullException(directory,
            $"The disk holding the database ({directory}) is full: the write was rolled back, and what was written before is kept. Free space there and try again.",
            exception);
    }
}
