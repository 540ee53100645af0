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
