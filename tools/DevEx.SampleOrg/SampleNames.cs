namespace DevEx.SampleOrg;

/// <summary>The word pools the sample draws names and messages from (fictional people; reserved .example domains).</summary>
internal static class SampleNames
{
    public const string Owner = "acme";

    public const string EmailDomain = "acme.example";

    public static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Chiara", "Daniel", "Elif", "Felix", "Grace", "Hiroshi", "Ines", "Jonas", "Kavya", "Lukas",
        "Maria", "Nikhil", "Olivia", "Pedro", "Quinn", "Rahul", "Sofia", "Tomasz", "Uma", "Victor", "Wei", "Ximena",
        "Yusuf", "Zoe", "Aarav", "Bianca", "Carlos", "Divya", "Emil", "Fatima", "Gabriel", "Hannah", "Ivan", "Julia",
        "Kenji", "Leila", "Mateo", "Nadia", "Oscar", "Priya", "Rafael", "Sara", "Tariq", "Ursula", "Valentina", "Wiremu",
        "Xavier", "Yara", "Zainab", "Amelia", "Bruno", "Chloe", "Dmitri", "Eva", "Finn", "Gita", "Hugo", "Isla",
        "Jakub", "Kiri", "Liam", "Mei",
    ];

    public static readonly string[] LastNames =
    [
        "Schmidt", "Okafor", "Rossi", "Nguyen", "Yilmaz", "Becker", "Thompson", "Tanaka", "Garcia", "Weber", "Iyer",
        "Fischer", "Silva", "Sharma", "Brown", "Costa", "Murphy", "Gupta", "Lopez", "Nowak", "Patel", "Moreau", "Zhang",
        "Hernandez", "Demir", "Walker", "Kapoor", "Ricci", "Mendoza", "Reddy", "Lindqvist", "Haddad", "Dubois", "Klein",
        "Petrov", "Kowalski", "Sato", "Rahman", "Alvarez", "Ngata", "Jensen", "Menon", "Ferreira", "Cohen", "Mahmoud",
        "Wagner", "Santos", "Parata", "Leclerc", "Adeyemi", "Ito", "Novak", "Hughes", "Kim", "Volkov", "Larsen",
        "Banerjee", "Muller", "Tuhoe", "OBrien", "Chen", "Andersen", "Horvat", "Ali",
    ];

    /// <summary>Team names; beyond this list a number is appended so any team count works.</summary>
    public static readonly string[] TeamNames =
    [
        "payments", "checkout", "search", "identity", "notifications", "catalog", "analytics", "billing", "shipping",
        "inventory", "pricing", "recommendations", "messaging", "fraud", "ledger", "onboarding", "reporting", "media",
        "accounts", "loyalty", "orders", "returns", "reviews", "storefront", "mobile-api", "partner-api", "warehouse",
        "logistics", "subscriptions", "invoicing", "tax", "compliance", "risk", "auth", "profiles", "content", "cms",
        "localisation", "experiments", "feature-flags", "observability", "gateway", "edge", "data-platform",
        "ml-platform", "streaming", "scheduler", "workflows", "support", "chat", "maps", "assets",
    ];

    public static readonly string[] Verbs =
    [
        "Add", "Fix", "Update", "Refactor", "Remove", "Improve", "Handle", "Support", "Migrate", "Extract", "Rename",
        "Validate", "Cache", "Log", "Simplify",
    ];

    public static readonly string[] Topics =
    [
        "order validation", "webhook handler", "pagination in list endpoint", "timeout for upstream calls",
        "feature flag for new flow", "metrics for queue depth", "null check in mapper", "index on created_at",
        "rate limiter", "error messages", "config loading", "health check endpoint", "batch import job",
        "currency rounding", "cache invalidation", "auth middleware", "audit log entries", "email templates",
        "search ranking", "CSV export", "retry policy", "connection pool settings", "OpenAPI spec",
        "integration tests", "Dockerfile", "logging format", "dead-letter queue handling", "idempotency keys",
        "time zone handling in reports", "N+1 query in list view", "request tracing", "input sanitising",
    ];

    public static readonly string[] FollowUpMessages =
    [
        "Address review comments", "Fix tests", "Apply suggestions from code review", "Fix lint", "Rename per review",
        "Add missing test", "Handle edge case", "Clean up",
    ];

    public static readonly string[] DirectPushMessages =
    [
        "Update README", "Fix typo in docs", "Tweak alert thresholds", "Update CODEOWNERS", "Adjust log level",
        "Regenerate lockfile", "Bump service version", "Update runbook link", "Raise memory limit",
    ];

    public static readonly string[] Labels = ["enhancement", "bug", "tech-debt", "documentation", "performance"];

    public static readonly string[] Dependencies =
    [
        "lodash", "axios", "express", "jest", "typescript", "eslint", "webpack", "react", "golang.org/x/net",
        "github.com/stretchr/testify", "Newtonsoft.Json", "Serilog", "Polly", "actions/checkout", "actions/setup-node",
        "docker/build-push-action", "pg", "redis", "zod", "vite",
    ];

    public static readonly string[] IncidentTitles =
    [
        "Elevated 5xx rate on {0}", "{0} latency above SLO", "Errors after deploy of {0}", "Queue backlog on {0}",
        "Customers report failures in {0}", "{0} health checks failing",
    ];

    public static readonly string[] StandaloneIncidentTitles =
    [
        "Upstream provider outage affecting {0}", "Database failover on {0}", "Certificate expiry warning for {0}",
        "Disk pressure on {0} nodes", "DNS resolution errors in {0}",
    ];

    public static readonly string[] Severities = ["SEV1", "SEV2", "SEV3", "SEV4"];

    /// <summary>A branch-name form of a title: lower case, words joined by dashes, at most a few words.</summary>
    public static string Slug(string title)
    {
        var words = title.ToLowerInvariant()
            .Split([' ', '/', '.', '"', '(', ')', ':', '+', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Take(5);
        return string.Join('-', words);
    }
}
