namespace DevEx.Server.Hosting;

internal static class ConfigurationSwitches
{
    /// <summary>
    /// appsettings.json beside the program, as the lowest-priority source: <c>dotnet run</c> starts in the repository
    /// root (where data/ and sample-data/ are), so the content root's own appsettings.json lookup misses it.
    /// </summary>
    public static IConfigurationBuilder AddProgramSettings(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
        return configuration;
    }

    /// <summary><c>--db PATH</c> is short for <c>--DevEx:Database PATH</c>, for the server and every command.</summary>
    public static IConfigurationBuilder AddDevExSwitches(this IConfigurationBuilder configuration, string[] args) =>
        configuration.AddCommandLine(args.Where(a => a != "serve").ToArray(),
            new Dictionary<string, string> { ["--db"] = "DevEx:Database" });

    /// <summary>Configuration for the command-line verbs: appsettings.json beside the program, DevEx__ variables, switches.</summary>
    public static IConfiguration ForCommand(string[] args) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddDevExSwitches(args)
            .Build();
}
