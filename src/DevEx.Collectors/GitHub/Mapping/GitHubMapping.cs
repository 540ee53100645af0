using NodaTime;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// What every GitHub mapper shares: the source name written on rows, instants, and how people are named. The REST
/// collector and the webhooks map through the same classes, so a webhook and a later poll of the same object write
/// the same keys and converge to one row.
/// </summary>
public static class GitHubMapping
{
    public const string Source = "github";

    /// <summary>The name part of "owner/name": the default service of a repository.</summary>
    public static string RepositoryName(string repo) => repo[(repo.LastIndexOf('/') + 1)..];

    /// <summary>
    /// A person as a commit names them: the GitHub login when GitHub linked the commit to an account, else the git
    /// email lower-cased (emails are case-insensitive; the identities table keys them lower-cased), else the git name.
    /// </summary>
    public static string Identity(string? login, string? email, string? name) =>
        !string.IsNullOrWhiteSpace(login) ? login
        : !string.IsNullOrWhiteSpace(email) ? email.Trim().ToLowerInvariant()
        : !string.IsNullOrWhiteSpace(name) ? name.Trim()
        : "unknown";

    internal static Instant ToInstant(DateTimeOffset value) => Instant.FromDateTimeOffset(value);

    /// <summary>Octokit leaves a missing timestamp at its default; that means "not known", not year 1.</summary>
    internal static Instant? ToInstantOrNull(DateTimeOffset? value) =>
        value is { } v && v != default ? Instant.FromDateTimeOffset(v) : null;

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
