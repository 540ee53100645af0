namespace DevEx.Analytics.Adoption;

/// <summary>A file of a Component's repository as of a week: its path, content (null above the size cap) and the commit it is from.</summary>
public sealed record RepositoryFile(string Repo, string Path, string? Content, string Commit);

/// <summary>
/// What a scorecard check reads about one Component as of the end of one week: its repositories' collected files, the
/// catalog entity's annotations and fields (<c>metadata.description</c>, <c>spec.lifecycle</c>… by dotted path), and
/// its service's figures over each trailing window a metric check asks (keyed by metric and weeks).
/// </summary>
public sealed record ComponentSnapshot(string Component, IReadOnlyList<RepositoryFile> Files, IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyDictionary<string, string> Fields, Func<string, int, double?> Metric);

/// <summary>Where a check's result comes from: the file, line and commit, or the catalog entity or figure it read.</summary>
public sealed record CheckEvidence(string? Repo, string? File, int? Line, string? Commit, string Detail);

/// <summary>A check's result for a Component in a week.</summary>
public sealed record CheckResult(bool Passed, CheckEvidence Evidence);
