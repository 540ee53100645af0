using System.Text.RegularExpressions;
using DevEx.Server.Hosting;
using DevEx.Store;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Cli;

/// <summary>
/// A command's one line when the DuckDB file cannot be opened. DuckDB lets one process own a file, so while the service
/// runs no command can open its database: the line names the file, the process holding it, and what to do instead.
/// </summary>
internal static partial class DatabaseOpenFailure
{
    /// <summary>
    /// Resolves <typeparamref name="T"/>, which opens the configured database; when it cannot be opened, writes the one
    /// line to <paramref name="error"/> and returns null (the command then exits 2).
    /// </summary>
    public static T? ResolveOrExplain<T>(IServiceProvider services, string? instead, TextWriter error) where T : class
    {
        try
        {
            return services.GetRequiredService<T>();
        }
        catch (Exception exception) when (Describe(exception, services.GetRequiredService<IOptions<DevExOptions>>().Value.Database, instead) is { } line)
        {
            error.WriteLine(line);
            return null;
        }
    }

    /// <summary>The line for an exception from opening <paramref name="database"/>; null when it is not such a failure.</summary>
    /// <param name="instead">
    /// What the user can do while the service runs, e.g. the API call that gives the same; null when there is nothing
    /// but to stop it and run the command again.
    /// </param>
    private static string? Describe(Exception exception, string database, string? instead) => exception switch
    {
        DuckDBException e when e.Message.Contains("Could not set lock", StringComparison.Ordinal) =>
            $"Cannot open the database {database}: {Holder(e.Message)} holds it, most likely the DevEx service. "
            + (instead is null ? "Stop the service and run the command again." : $"Stop the service, or {instead}."),
        DuckDBException or IOException or UnauthorizedAccessException =>
            $"Cannot open the database {database}: {FirstLine(exception.Message)}",
        _ => null,
    };

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
