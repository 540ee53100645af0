namespace DevEx.Analytics.Tickets;

/// <summary>The configurable parts of ticket flow (configuration section <c>DevEx:Tickets</c>).</summary>
public sealed class TicketOptions
{
    public const string Section = "DevEx:Tickets";

    /// <summary>Per-project overrides: <c>StatusCategories:{PROJECT}:{Status}</c> = backlog | active | wait | done.</summary>
    public Dictionary<string, Dictionary<string, string>> StatusCategories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Statuses whose name matches this pattern (case-insensitive regex) count as blocked time.</summary>
    public string BlockedPattern { get; set; } = "block";
}
