using System.CommandLine;

namespace DevEx.Server.Cli;

/// <summary>
/// The <c>devex</c> command line: <c>serve</c> (the default), <c>import</c>, <c>import-git</c>, <c>sync</c>, <c>sample</c>, <c>bench</c> and <c>report</c>.
/// Run through <c>dotnet run --project src/DevEx.Server -- VERB ...</c>, or the published DevEx.Server binary.
/// </summary>
internal static class DevExCommandLine
{
    private static readonly string[] Verbs = ["import", "sync", "import-git", "sample", "bench", "report", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>The arguments the web host sees: an explicit "serve" verb is dropped.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("DevEx: DORA and developer-experience analytics. With no verb (or 'serve') it runs the web service.")
        {
            ImportCommand.Create(),
            ImportGitCommand.Create(),
            SyncCommand.Create(),
            SampleCommand.Create(),
            BenchCommand.Create(),
            ReportCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
