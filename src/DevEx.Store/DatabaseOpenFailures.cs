using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace DevEx.Store;

/// <summary>Turns DuckDB's failure to open a file into Store's own exceptions, so no caller needs to read DuckDB's messages.</summary>
internal static partial class DatabaseOpenFailures
{
    public static DatabaseOpenException Of(string path, DuckDBException exception) =>
        exception.Message.Contains("Could not set lock", StringComparison.Ordinal)
            ? new DatabaseInUseException(path, Holder(exception.Message), exception)
            : new DatabaseOpenException(path, FirstLine(exception.Message), exception);

    /// <summary>DuckDB names the holder: "Conflicting lock is held in /usr/bin/dotnet (PID 4711)".</summary>
    private static string Holder(string message)
    {
        var match = HeldBy().Match(message);
        var program = match.Groups["program"].Value.Trim();
        var pid = match.Groups["pid"].Value;
        return !match.Success || program.Length == 0 ? "another process" : pid.StartsWith('-') ? program : $"{program} (PID {pid})";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Replace("DuckDBOpen failed: ", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"Conflicting lock is held in (?<program>.*?) \(PID (?<pid>-?\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex HeldBy();
}
