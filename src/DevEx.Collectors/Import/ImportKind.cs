namespace DevEx.Collectors.Import;

/// <summary>The record kinds of the import format, with their file names and API route names.</summary>
public enum ImportKind
{
    Repositories,
    Commits,
    PullRequests,
    PipelineRuns,
    Deployments,
    Incidents,
    Tickets,
    RepositoryFiles,
}

public static class ImportKinds
{
    /// <summary>In import order: a directory is loaded so that referenced records come first.</summary>
    public static IReadOnlyList<ImportKind> All { get; } = Enum.GetValues<ImportKind>();

    public static string FileName(this ImportKind kind) => kind switch
    {
        ImportKind.Repositories => "repositories.ndjson",
        ImportKind.Commits => "commits.ndjson",
        ImportKind.PullRequests => "pull_requests.ndjson",
        ImportKind.PipelineRuns => "pipeline_runs.ndjson",
        ImportKind.Deployments => "deployments.ndjson",
        ImportKind.Incidents => "incidents.ndjson",
        ImportKind.Tickets => "tickets.ndjson",
        ImportKind.RepositoryFiles => "repository_files.ndjson",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The API name: the file name without extension, with dashes (pull-requests) or underscores.</summary>
    public static bool TryParse(string name, out ImportKind kind)
    {
        var normalized = name.Replace('-', '_').ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (candidate.FileName() == normalized + ".ndjson")
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
