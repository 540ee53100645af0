namespace DevEx.Store.Reading;

/// <summary>
/// Some repositories and services, as a filter of the derivation's reads and deletes: every repository-keyed table
/// filtered by <see cref="InRepos"/>, every service-keyed one by <see cref="InServices"/>, bound by <see cref="Parameters"/>.
/// </summary>
public sealed record RepoServiceScope(IReadOnlyList<string> Repos, IReadOnlyList<string> Services)
{
    /// <summary>A list parameter for the scope's queries: DuckDB splits it back with <c>string_split($p, chr(10))</c>.</summary>
    public string RepoList => string.Join('\n', Repos);

    public string ServiceList => string.Join('\n', Services);

    public const string InRepos = "IN (SELECT unnest(string_split($repos, chr(10))))";
    public const string InServices = "IN (SELECT unnest(string_split($services, chr(10))))";

    public object Parameters => new { repos = RepoList, services = ServiceList };
}
