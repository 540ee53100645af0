namespace DevEx.Store;

/// <summary>
/// The database file cannot be used: DuckDB cannot open it, or it holds a schema this binary does not know. The message
/// is one line a person can act on ("Cannot open the database PATH: REASON"), so hosts print it instead of a trace.
/// </summary>
public class DatabaseOpenException : Exception
{
    public DatabaseOpenException()
        : this("", "the database cannot be opened") { }

    public DatabaseOpenException(string message)
        : base(message) => (Path, Reason) = ("", message);

    public DatabaseOpenException(string message, Exception innerException)
        : base(message, innerException) => (Path, Reason) = ("", message);

    public DatabaseOpenException(string path, string reason, Exception? innerException = null)
        : base($"Cannot open the database {path}: {reason}", innerException) => (Path, Reason) = (path, reason);

    /// <summary>The file, as configured.</summary>
    public string Path { get; }

    /// <summary>Why, in one line, without the path.</summary>
    public string Reason { get; }
}

/// <summary>
/// Another process holds the database file. DuckDB lets one process own a file, so this is most often a running DevEx
/// service while a command (or a second service) starts on the same file.
/// </summary>
public sealed class DatabaseInUseException : DatabaseOpenException
{
    public DatabaseInUseException()
        : this("", "another process") { }

    public DatabaseInUseException(string message)
        : base(message) => Holder = "another process";

    public DatabaseInUseException(string message, Exception innerException)
        : base(message, innerException) => Holder = "another process";

    public DatabaseInUseException(string path, string holder, Exception? innerException = null)
        : base(path, $"{holder} holds it", innerException) => Holder = holder;

    /// <summary>Who holds it, as DuckDB names it: "/usr/bin/dotnet (PID 4711)", else "another process".</summary>
    public string Holder { get; }
}
