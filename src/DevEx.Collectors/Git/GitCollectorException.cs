namespace DevEx.Collectors.Git;

/// <summary>
/// Something the person running the import can fix (a path that is no repository, a bad pattern or repo name),
/// with a message that says what; the command prints it as one line instead of a stack trace.
/// </summary>
public sealed class GitCollectorException : Exception
{
    public GitCollectorException(string message)
        : base(message)
    {
    }

    public GitCollectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitCollectorException()
    {
    }
}
