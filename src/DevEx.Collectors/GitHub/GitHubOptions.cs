namespace DevEx.Collectors.GitHub;

/// <summary>
/// Configuration section <c>DevEx:GitHub</c>: where to collect from and how. Secrets (Token, App private key,
/// WebhookSecret) are never logged or returned by the API.
/// </summary>
public sealed class GitHubOptions
{
    public const string Section = "DevEx:GitHub";

    /// <summary>api.github.com, or a GitHub Enterprise Server API root such as https://ghe.example.com/api/v3.</summary>
    public string BaseUrl { get; set; } = "https://api.github.com";

    /// <summary>A personal access token or fine-grained token; or use <see cref="App"/>.</summary>
    public string? Token { get; set; }

    public GitHubAppOptions App { get; set; } = new();

    /// <summary>Organisations (or users) whose repositories are collected.</summary>
    public IList<string> Organizations { get; } = [];

    /// <summary>Single repositories (owner/name), collected besides the organisations'.</summary>
    public IList<string> Repositories { get; } = [];

    /// <summary>Glob patterns (owner/name, * and ?) a repository must match; empty = all.</summary>
    public IList<string> Include { get; } = [];

    /// <summary>Glob patterns of repositories to skip.</summary>
    public IList<string> Exclude { get; } = [];

    public bool IncludeArchived { get; set; }

    public bool IncludeForks { get; set; }

    /// <summary>The secret webhooks are signed with (X-Hub-Signature-256). Without it, webhooks are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Cron expression of the recurring sync (UTC); default hourly.</summary>
    public string Schedule { get; set; } = "0 * * * *";

    /// <summary>Issues with this label are incidents.</summary>
    public string IncidentLabel { get; set; } = "incident";

    /// <summary>
    /// Where an incident issue's body names its cause: the named group <c>ref</c> holds a deployment id, a commit sha
    /// or a pull request reference (#123 or owner/name#123).
    /// </summary>
    public string CausedByPattern { get; set; } = @"(?im)^\s*caused[ -]?by\s*:\s*(?<ref>\S+)";

    /// <summary>
    /// Incident issues with one of these labels (case-insensitive) were not caused by a change (a provider outage, DNS):
    /// they fail no deployment, unless the body names a cause.
    /// </summary>
    public IList<string> NotCausedByChangeLabels { get; } = ["not-caused-by-change", "infrastructure"];

    /// <summary>
    /// Collect the repositories' issues (not pull requests) as tickets, for teams that track work on GitHub: an issue is
    /// "Open" when opened or reopened and "Closed" when closed; a label starting with <see cref="StatusLabelPrefix"/>
    /// ("status: In review") sets its status while it is applied.
    /// </summary>
    public bool IssuesAsTickets { get; set; }

    /// <summary>Labels with this prefix name an issue's workflow status (with <see cref="IssuesAsTickets"/>).</summary>
    public string StatusLabelPrefix { get; set; } = "status:";

    /// <summary>How far back the first sync of a repository reads; later syncs read from their cursors.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Requests kept in hand: below this many remaining, the collector waits for the rate-limit reset.</summary>
    public int RateLimitReserve { get; set; } = 50;

    /// <summary>
    /// The longest rate-limit wait (until x-ratelimit-reset, or Retry-After) a request sits out; a longer one fails the
    /// request at once with a message naming the reset. GitHub's primary window is an hour; the default adds the margin.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(61);

    /// <summary>How long raw payloads are kept in raw_payloads.</summary>
    public TimeSpan RawPayloadRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Repositories that deploy by release or tag rather than GitHub deployments.</summary>
    public IList<ReleaseDeploymentRule> ReleasesAsDeployments { get; } = [];
}

/// <summary>GitHub App authentication: installation tokens are created and refreshed from the app's private key.</summary>
public sealed class GitHubAppOptions
{
    public long? AppId { get; set; }

    public long? InstallationId { get; set; }

    /// <summary>PEM text of the private key, or use <see cref="PrivateKeyPath"/>.</summary>
    public string? PrivateKey { get; set; }

    public string? PrivateKeyPath { get; set; }

    public bool IsConfigured => AppId is not null && (PrivateKey is not null || PrivateKeyPath is not null);
}

/// <summary>Treat a repository's releases (or tags matching a pattern) as production deployments of a service.</summary>
public sealed class ReleaseDeploymentRule
{
    public string Repository { get; set; } = "";

    /// <summary>releases (published, non-draft, non-prerelease) or tags.</summary>
    public string Source { get; set; } = "releases";

    /// <summary>Tags (or release tags) that count, as a regular expression; default all.</summary>
    public string TagPattern { get; set; } = ".*";

    /// <summary>The service deployed; default the repository's name.</summary>
    public string? Service { get; set; }

    public string Environment { get; set; } = "production";
}
