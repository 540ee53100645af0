using System.CommandLine;
using DevEx.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Cli;

/// <summary>
/// The <c>devex</c> command line: <c>serve</c> (the default), <c>import</c>, <c>import-git</c>, <c>sync</c>, <c>sample</c>, <c>report</c>, <c>apikey</c>, <c>backup</c> and <c>restore</c>.
/// The benchmarks are a program of their own, tests/DevEx.Benchmarks (docs/benchmarks.md).
/// Run through <c>dotnet run --project src/DevEx.Server -- VERB ...</c>, or the published DevEx.Server binary.
/// </summary>
internal static class DevExCommandLine
{
    private static readonly string[] Verbs = ["import", "sync", "import-git", "sample", "report", "apikey", "mcp", "backup", "restore", "--help", "-h", "-?"];

    /// <summary>The verbs that read the configured metrics (zone, holidays, patterns) and so refuse a bad configuration.</summary>
    private static readonly string[] Configured = ["import", "sync", "import-git", "report", "apikey"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>The arguments the web host sees: an explicit "serve" verb is dropped.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(string[] args)
    {
        if (Configured.Contains(args[0]) && RefuseConfiguration())
        {
            return Task.FromResult(2);
        }
        var root = new RootCommand("DevEx: DORA and developer-experience analytics. With no verb (or 'serve') it runs the web service.")
        {
            ImportCommand.Create(),
            ImportGitCommand.Create(),
            SyncCommand.Create(),
            SampleCommand.Create(),
            ReportCommand.Create(),
            ApiKeyCommand.Create(),
            McpCommand.Create(),
            BackupCommand.Create(),
            RestoreCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>What the service would refuse to start with (appsettings.json, DevEx__ variables): the commands refuse it too.</summary>
    private static bool RefuseConfiguration()
    {
        using var provider = CommandServices.Build([]);
        return StartupConfiguration.Refuse(provider, Console.Error);
    }
}
