using System.Text.RegularExpressions;
using DevEx.Store.Reading;

namespace DevEx.Analytics.Derivations;

/// <summary>An incident read as not caused by a change fails no deployment; <c>NotCausedReason</c> says why (the explain listing shows it).</summary>
internal sealed record IncidentReading(IncidentInfo Incident, string? NotCausedReason);

/// <summary>
/// Which incidents no change caused (a provider outage, DNS), in this order: an incident that names a cause (causedBy)
/// was caused by one; then what its source said (import field causedByChange, a GitHub or Jira label, a Jira field):
/// false = not caused, true = caused; then, for the rest, a title matching <see cref="MetricOptions.NotCausedByChangePattern"/>.
/// </summary>
internal sealed class NotCausedByChange(MetricOptions options)
{
    private readonly Regex? pattern = string.IsNullOrWhiteSpace(options.NotCausedByChangePattern)
        ? null
        : new Regex(options.NotCausedByChangePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public IReadOnlyList<IncidentReading> Read(IReadOnlyList<IncidentInfo> incidents) =>
        incidents.Select(i => new IncidentReading(i, Reason(i))).ToList();

    public string? Reason(IncidentInfo incident) =>
        incident.HasCause || incident.CausedByChange == true ? null
        : incident.CausedByChange == false ? incident.CausedByChangeReason ?? "source"
        : pattern is not null && incident.Title is { } title && pattern.IsMatch(title) ? $"title pattern '{options.NotCausedByChangePattern}'"
        : null;
}
