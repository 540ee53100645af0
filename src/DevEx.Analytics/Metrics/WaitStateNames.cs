namespace DevEx.Analytics.Metrics;

/// <summary>How each wait of queries/wait_states.sql (and meetings beside them) reads to a person, on pages and in reports.</summary>
public static class WaitStateNames
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["pr-pickup"] = "Waiting for first review",
        ["pr-review"] = "In review",
        ["pr-merge-wait"] = "Approved, not merged",
        ["ci-queue"] = "CI queue",
        ["ci-run"] = "CI running",
        ["deploy-wait"] = "Merged, not deployed",
        ["ticket-wait"] = "Tickets waiting",
        ["ticket-blocked"] = "Tickets blocked",
        ["meetings"] = "Meetings",
    };

    public static string Label(string wait) => Labels.GetValueOrDefault(wait, wait);

    /// <summary>Every wait (and meetings) in the order of a pull request's life, then tickets: the order charts give colours by.</summary>
    public static IReadOnlyList<string> InOrder { get; } =
        ["pr-pickup", "pr-review", "pr-merge-wait", "ci-queue", "ci-run", "deploy-wait", "ticket-wait", "ticket-blocked", "meetings"];
}
