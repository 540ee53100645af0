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

    /// <summary>
    /// Every wait (and meetings) in the order charts give colours by, so a wait keeps its colour in every view: the
    /// waits that usually account for most hours first, taking the palette's clearest fills; CI, usually minutes, last
    /// (its black and yellow would be heavy or faint on a large bar).
    /// </summary>
    public static IReadOnlyList<string> ColourOrder { get; } =
        ["ticket-wait", "pr-pickup", "deploy-wait", "pr-review", "ticket-blocked", "pr-merge-wait", "ci-run", "ci-queue", "meetings"];
}
