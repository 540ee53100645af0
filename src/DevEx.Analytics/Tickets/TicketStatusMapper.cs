using System.Text.RegularExpressions;

namespace DevEx.Analytics.Tickets;

/// <summary>The category of one status of a project, and why it got it.</summary>
public sealed record StatusMapping(string Project, string Status, string Category, string Reason)
{
    /// <summary>True when only the "everything else is active" fallback matched: listed in data quality.</summary>
    public bool Unmapped => Reason == TicketStatusMapper.FallbackReason;
}

/// <summary>
/// Maps (project, status) to backlog | active | wait | done: a per-project override from configuration, else the
/// source's own category (Jira's new / indeterminate / done), else the default name rules of docs/metrics.md
/// (case-insensitive, first match: done, backlog, wait, then everything else is active). A status only the
/// "everything else" rule matched (not a well-known active name such as "In Progress") is reported as unmapped.
/// </summary>
public sealed class TicketStatusMapper
{
    public const string FallbackReason = "default rule: everything else is active";
    public static readonly IReadOnlyList<string> Categories = ["backlog", "active", "wait", "done"];

    private static readonly string[] DoneNames = ["done", "closed", "resolved", "released"];
    private static readonly string[] BacklogNames = ["to do", "todo", "backlog", "open", "new", "selected for development"];
    // Not in docs/metrics.md's rules (its active is "everything else"), but so common that flagging them as unmapped is noise.
    private static readonly string[] ActiveNames = ["in progress", "in development", "doing", "wip"];
    private static readonly string[] WaitFragments = ["block", "wait", "review", "qa", "test", "ready for", "on hold"];

    private readonly Dictionary<(string Project, string Status), string> overrides = new();
    private readonly Dictionary<(string Project, string Status), string> sourceCategoryOf = new();
    private readonly Regex blocked;

    public TicketStatusMapper(TicketOptions options, IEnumerable<(string Project, string Status, string Category)> sourceCategories)
    {
        foreach (var (project, statuses) in options.StatusCategories)
        {
            foreach (var (status, category) in statuses)
            {
                var normalized = category.Trim().ToLowerInvariant();
                if (!Categories.Contains(normalized))
                {
                    throw new ArgumentException($"DevEx:Tickets:StatusCategories:{project}:{status} is '{category}'; it must be backlog, active, wait or done.");
                }
                overrides[Key(project, status)] = normalized;
            }
        }
        foreach (var (project, status, category) in sourceCategories)
        {
            sourceCategoryOf[Key(project, status)] = category;
        }
        blocked = new Regex(options.BlockedPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public bool IsBlocked(string status) => blocked.IsMatch(status);

    public StatusMapping Map(string project, string status)
    {
        if (overrides.TryGetValue(Key(project, status), out var overridden))
        {
            return new StatusMapping(project, status, overridden, $"override DevEx:Tickets:StatusCategories:{project}:{status}");
        }
        if (sourceCategoryOf.TryGetValue(Key(project, status), out var source) && FromSource(status, source) is { } category)
        {
            return new StatusMapping(project, status, category.Category, $"source category '{source}'{category.Why}");
        }
        var (ruleCategory, reason) = DefaultRule(status);
        return new StatusMapping(project, status, ruleCategory, reason);
    }

    /// <summary>Jira's categories, or a source that already speaks DevEx's four words; anything else falls through.</summary>
    private static (string Category, string Why)? FromSource(string status, string source) => source.Trim().ToLowerInvariant() switch
    {
        "new" or "backlog" => ("backlog", ""),
        "done" => ("done", ""),
        "wait" => ("wait", ""),
        "active" => ("active", ""),
        "indeterminate" => WaitFragment(status) is { } fragment ? ("wait", $", name contains '{fragment}'") : ("active", ""),
        _ => null,
    };

    private static (string Category, string Reason) DefaultRule(string status)
    {
        var name = status.Trim().ToLowerInvariant();
        if (DoneNames.Contains(name))
        {
            return ("done", $"default rule: name is '{name}'");
        }
        if (BacklogNames.Contains(name))
        {
            return ("backlog", $"default rule: name is '{name}'");
        }
        if (WaitFragment(name) is { } fragment)
        {
            return ("wait", $"default rule: contains '{fragment}'");
        }
        return ActiveNames.Contains(name) ? ("active", $"default rule: name is '{name}'") : ("active", FallbackReason);
    }

    private static string? WaitFragment(string status) =>
        WaitFragments.FirstOrDefault(f => status.Contains(f, StringComparison.OrdinalIgnoreCase));

    private static (string, string) Key(string project, string status) => (project.ToUpperInvariant(), status.Trim().ToLowerInvariant());
}
