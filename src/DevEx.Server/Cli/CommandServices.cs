using DevEx.Server.Hosting;

namespace DevEx.Server.Cli;

/// <summary>
/// The container every command resolves its services from: the server's own registration (<see cref="ServiceRegistration.AddDevEx"/>)
/// over the commands' configuration (appsettings.json, DevEx__ variables, switches), so a command reads the same
/// sections and builds the same derivation, importer and clock as <c>serve</c>. Hosted services are not started.
/// </summary>
internal static class CommandServices
{
    /// <param name="switches">Configuration switches as on the service's command line (<c>--db PATH</c>, <c>--DevEx:Calendar:WeeksBack 60</c>).</param>
    /// <param name="overrides">Registrations that replace the server's, for tests (a fake clock).</param>
    public static ServiceProvider Build(IEnumerable<string> switches, Action<IServiceCollection>? overrides = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(ConfigurationSwitches.ForCommand([.. switches]))
            .AddLogging()
            .AddDevEx();
        overrides?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The switches a <c>--db</c> option stands for, none when it is not given.</summary>
    public static string[] Database(string? path) => path is null ? [] : ["--db", path];
}
