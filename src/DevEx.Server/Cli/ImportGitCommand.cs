using System.CommandLine;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Git;
using DevEx.Server.Hosting;
using DevEx.Store;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex import-git PATH --repo owner/name [--deployments-from-tags PATTERN] [--service NAME] [--environment ENV] [--db PATH]</c>:
/// imports a local clone's history (and tags as deployments) and re-derives, so lead time and deployment frequency of
/// any repository are one command away. Exits 0 when imported, 2, with one line on stderr, when the input is wrong or the
/// database cannot be opened (the service holds it while it runs). The tag pattern is a regular expression, not a glob.
/// </summary>
internal static class ImportGitCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A local clone (its top folder) or a bare repository" };
        var repo = new Option<string>("--repo") { Description = "The repository's name, owner/name (as GitHub and the import format name it)", Required = true };
        var tags = new Option<string?>("--deployments-from-tags")
        {
            Description = @"Tags whose name matches this .NET regular expression (not a glob: 'v*' matches every tag) are deployments at the tag's time, "
                + @"e.g. '^v\d+\.\d+\.\d+$'. Unanchored, it matches anywhere in the name. Each run replaces the repository's tag deployments",
        };
        var service = new Option<string?>("--service") { Description = "Service the tag deployments belong to (default: the repository's name part)" };
        var environment = new Option<string>("--environment") { Description = "Environment of the tag deployments", DefaultValueFactory = _ => "production" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var command = new Command("import-git", "Import a local git repository's history, with tags as deployments. Exit codes: 0 imported, 2 wrong input or the database is held")
        {
            path, repo, tags, service, environment, database,
        };
        command.SetAction(parse => Run(
            new GitCollectorOptions(parse.GetValue(path)!, parse.GetValue(repo)!, parse.GetValue(tags), parse.GetValue(service), parse.GetValue(environment)!),
            parse.GetValue(database), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the import; the writers are parameters so tests can read what a person would see.</summary>
    internal static int Run(GitCollectorOptions options, string? databasePath, TextWriter output, TextWriter error)
    {
        try
        {
            // Before the database is opened: wrong input must not leave a new, empty database file behind.
            GitCollector.Validate(options);
        }
        catch (GitCollectorException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        var db = DatabaseOpenFailure.ResolveOrExplain<DuckDbDatabase>(provider, instead: null, error);
        if (db is null)
        {
            return 2;
        }
        var database = provider.GetRequiredService<IOptions<DevExOptions>>().Value.Database;
        GitImportSummary summary;
        try
        {
            // Which files to collect beside catalog files and workflows: DevEx:RepositoryFiles, as the GitHub sync reads it.
            var files = provider.GetRequiredService<IOptions<DevEx.Collectors.RepositoryFiles.RepositoryFilesOptions>>().Value;
            summary = new GitCollector().Run(db, provider.GetRequiredService<IClock>(), options with { Files = files }, CancellationToken.None);
        }
        catch (GitCollectorException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        var derivation = provider.GetRequiredService<DevEx.Server.Derivation.DerivationSteps>().Run(new DerivationRequest("full"), CancellationToken.None);
        Print(summary, options, database, output);
        output.WriteLine($"derived (whole database): {derivation.ProductionDeployments} production deployments, {derivation.Changes} changes, "
            + $"{derivation.FailedDeployments} failed in {derivation.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static void Print(GitImportSummary summary, GitCollectorOptions options, string database, TextWriter output)
    {
        output.WriteLine($"imported {summary.Source} as {summary.Repo} into {database}");
        output.WriteLine($"default branch  {summary.DefaultBranch ?? "(detached HEAD)"}");
        output.WriteLine($"origin          {summary.Url ?? "(none)"}");
        output.WriteLine($"commits         {summary.Commits}");
        output.WriteLine($"merge commits   {summary.MergeCommits}");
        if (options.TagPattern is null)
        {
            output.WriteLine("deployments     none: without --deployments-from-tags there is no lead time or deployment frequency");
        }
        else
        {
            output.WriteLine($"tags matched    {summary.TagsMatched} of {summary.Tags} ('{options.TagPattern}')");
            output.WriteLine($"deployments     {summary.Deployments} (service {options.ServiceName}, environment {options.Environment})");
            if (summary.RemovedDeployments.Count > 0)
            {
                output.WriteLine($"removed {summary.RemovedDeployments.Count} deployments no longer matching the pattern: {Listed(summary.RemovedDeployments)}");
            }
            foreach (var warning in PatternWarnings(summary, options.TagPattern))
            {
                output.WriteLine($"warning: {warning}");
            }
        }
        foreach (var note in summary.Notes)
        {
            output.WriteLine($"note: {note}");
        }
    }

    private const int Shown = 10;

    private static string Listed(IReadOnlyList<string> tags) =>
        string.Join(", ", tags.Take(Shown)) + (tags.Count > Shown ? $", ... ({tags.Count - Shown} more)" : "");

    /// <summary>
    /// What suggests the pattern matches more than releases: tags of several naming schemes (v1.2.0 and crate-x-1.0), or
    /// a glob typed as in <c>git tag -l</c> ('v*' is "zero or more v", so it matches every tag).
    /// </summary>
    internal static IEnumerable<string> PatternWarnings(GitImportSummary summary, string pattern)
    {
        if (pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains(".*", StringComparison.Ordinal) && summary.TagsMatched == summary.Tags && summary.Tags > 1)
        {
            yield return $"'{pattern}' is a regular expression, not a glob: it matched every tag. For tags that start with v write '^v', for releases e.g. '^v\\d+\\.\\d+\\.\\d+$'.";
        }
        if (summary.Schemes.Count > 1)
        {
            var schemes = string.Join(", ", summary.Schemes.Take(Shown).Select(s => $"{s.Shape} ({s.Count}, e.g. {s.Example})"));
            yield return $"the pattern matches tags of {summary.Schemes.Count} naming schemes: {schemes}{(summary.Schemes.Count > Shown ? ", ..." : "")}. "
                + "If only one of them is releases, anchor the pattern to it (^...$) and run again: the deployments of the others are removed.";
        }
    }
}
