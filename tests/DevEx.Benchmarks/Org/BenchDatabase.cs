using System.CommandLine;
using DevEx.Server.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// A fresh database file for one bench run, with the services over it resolved from the server's own registration
/// (<see cref="CommandServices"/> over <c>AddDevEx</c>): the same derivation, metric services, options and clock as
/// <c>serve</c>, configured the same way (appsettings.json, DevEx__ variables, switches).
/// </summary>
internal static class BenchDatabase
{
    /// <summary>The <c>--work</c> option of the benches that read <c>org</c>'s database.</summary>
    public static Option<string?> OrgWork() =>
        new("--work") { Description = "The folder of `org` (default: its folder under the system temp folder)" };

    /// <summary>The folder of <c>org</c>: <paramref name="work"/>, or its default under the system temp folder.</summary>
    public static string OrgFolder(string? work) => work ?? Path.Combine(Path.GetTempPath(), "devex-bench-50x52x20");

    /// <summary><c>org</c>'s database in <paramref name="work"/>; null, with the line saying to run <c>org</c>, when there is none.</summary>
    public static string? OrgDatabase(string? work)
    {
        var database = Path.Combine(OrgFolder(work), "bench.duckdb");
        if (File.Exists(database))
        {
            return database;
        }
        Console.Error.WriteLine($"No database at {database}: run `org` first.");
        return null;
    }

    /// <param name="path">The database file; it and its WAL are deleted first.</param>
    /// <param name="settings">Further configuration switches (<c>--DevEx:Calendar:WeeksBack 52</c>).</param>
    /// <param name="overrides">Registrations that replace the server's (a clock stopped at the org's last day).</param>
    public static ServiceProvider Fresh(string path, IEnumerable<string>? settings = null, Action<IServiceCollection>? overrides = null)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        return CommandServices.Build([.. CommandServices.Database(path), .. settings ?? []], overrides);
    }
}
