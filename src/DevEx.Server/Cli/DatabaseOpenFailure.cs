using DevEx.Server.Hosting;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Cli;

/// <summary>
/// The one line a command or the service prints when the DuckDB file cannot be opened. DuckDB lets one process own a
/// file, so while the service runs no command (and no second service) can open its database: the line names the file,
/// the process holding it, and what to do instead. Store raises <see cref="DatabaseInUseException"/> for that case.
/// </summary>
internal static class DatabaseOpenFailure
{
    /// <summary>What a second service on the same file can do besides stopping the first.</summary>
    public const string ServiceInstead = "start this one on another file: --db PATH";

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

    /// <summary>
    /// For the service, before it starts its hosted services: opens the database and, when it cannot, writes the one
    /// line and returns true (the service then exits 2). Else the host's start would fail with the whole stack trace.
    /// </summary>
    public static bool Refuse(IServiceProvider services, TextWriter error) =>
        ResolveOrExplain<DuckDbDatabase>(services, ServiceInstead, error) is null;

    /// <summary>The line for an exception from opening <paramref name="database"/>; null when it is not such a failure.</summary>
    /// <param name="exception">What opening threw.</param>
    /// <param name="database">The configured file.</param>
    /// <param name="instead">
    /// What the user can do while the service runs, e.g. the API call that gives the same; null when there is nothing
    /// but to stop it and run the command again.
    /// </param>
    private static string? Describe(Exception exception, string database, string? instead) => exception switch
    {
        DatabaseInUseException e =>
            $"Cannot open the database {database}: {e.Holder} holds it, most likely the DevEx service. "
            + (instead is null ? "Stop the service and run the command again." : $"Stop the service, or {instead}."),
        DatabaseOpenException e => $"Cannot open the database {database}: {e.Reason}",
        IOException or UnauthorizedAccessException => $"Cannot open the database {database}: {exception.Message.Split('\n')[0].Trim()}",
        _ => null,
    };
}
