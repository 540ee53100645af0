using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEx.SampleOrg.Tests;

/// <summary>A generated sample read back from disk, with the git and catalog lookups the case tests need.</summary>
public sealed class SampleData
{
    private readonly Dictionary<(string Repo, string Sha), JsonElement> commitsBySha = [];

    public SampleData(string directory)
    {
        Directory = directory;
        Commits = Read("commits.ndjson");
        PullRequests = Read("pull_requests.ndjson");
        PipelineRuns = Read("pipeline_runs.ndjson");
        Deployments = Read("deployments.ndjson");
        Incidents = Read("incidents.ndjson");
        Repositories = Read("repositories.ndjson");
        foreach (var commit in Commits)
        {
            commitsBySha[(Str(commit, "repo"), Str(commit, "sha"))] = commit;
        }
        Users = File.ReadAllText(Path.Combine(directory, "catalog", "users.yaml"));
        Components = File.ReadAllText(Path.Combine(directory, "catalog", "components.yaml"));
        Groups = File.ReadAllText(Path.Combine(directory, "catalog", "groups.yaml"));
    }

    public string Directory { get; }

    public IReadOnlyList<JsonElement> Commits { get; }

    public IReadOnlyList<JsonElement> PullRequests { get; }

    public IReadOnlyList<JsonElement> PipelineRuns { get; }

    public IReadOnlyList<JsonElement> Deployments { get; }

    public IReadOnlyList<JsonElement> Incidents { get; }

    public IReadOnlyList<JsonElement> Repositories { get; }

    public string Users { get; }

    public string Components { get; }

    public string Groups { get; }

    public static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static string? OptionalStr(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset Time(JsonElement element, string name) =>
        DateTimeOffset.Parse(Str(element, name), System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    public JsonElement? Commit(string repo, string sha) => commitsBySha.TryGetValue((repo, sha), out var c) ? c : null;

    /// <summary>Every commit reachable from <paramref name="sha"/> by walking parents (including itself).</summary>
    public HashSet<string> Ancestors(string repo, string sha)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([sha]);
        while (stack.TryPop(out var current))
        {
            if (seen.Add(current) && Commit(repo, current) is { } commit)
            {
                foreach (var parent in Strings(commit, "parents"))
                {
                    stack.Push(parent);
                }
            }
        }
        return seen;
    }

    /// <summary>What the default branch reaches: everything behind merged PRs and deployed shas.</summary>
    public HashSet<string> ReachableFromMain(string repo)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var tips = PullRequests.Where(p => Str(p, "repo") == repo && OptionalStr(p, "mergeCommitSha") is not null)
            .Select(p => Str(p, "mergeCommitSha"))
            .Concat(Deployments.Where(d => Str(d, "repo") == repo).Select(d => Str(d, "sha")));
        foreach (var tip in tips)
        {
            if (!reachable.Contains(tip))
            {
                reachable.UnionWith(Ancestors(repo, tip));
            }
        }
        return reachable;
    }

    /// <summary>Production by the default pattern, or by the component's devex.dev/production-environments.</summary>
    public bool IsProduction(JsonElement deployment)
    {
        var environment = Str(deployment, "environment");
        if (Regex.IsMatch(environment, "^(prod|production)$", RegexOptions.IgnoreCase))
        {
            return true;
        }
        var pattern = ComponentAnnotation(Str(deployment, "service"), "devex.dev/production-environments");
        return pattern is not null && Regex.IsMatch(environment, pattern, RegexOptions.IgnoreCase);
    }

    /// <summary>Successful production deployments per service and environment, in finish order.</summary>
    public IEnumerable<List<JsonElement>> ProductionHistories() =>
        Deployments.Where(d => Str(d, "status") == "success" && IsProduction(d))
            .GroupBy(d => (Str(d, "service"), Str(d, "environment").ToLowerInvariant()))
            .Select(g => g.OrderBy(d => Time(d, "finishedAt")).ToList());

    public string? ComponentAnnotation(string component, string annotation)
    {
        foreach (var document in Components.Split("---\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (document.Contains($"  name: {component}\n", StringComparison.Ordinal))
            {
                var match = Regex.Match(document, $"    {Regex.Escape(annotation)}: \"(.*)\"");
                return match.Success ? match.Groups[1].Value : null;
            }
        }
        return null;
    }

    /// <summary>Every email and login a User entity names (primary, login annotation and aliases).</summary>
    public HashSet<string> CatalogIdentities()
    {
        var identities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Regex.Matches(Users, "(?:email|github.com/user-login|devex.dev/aliases): \"([^\"]*)\""))
        {
            foreach (var identity in match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                identities.Add(identity);
            }
        }
        return identities;
    }

    private List<JsonElement> Read(string file) =>
        File.ReadLines(Path.Combine(Directory, file)).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
}
