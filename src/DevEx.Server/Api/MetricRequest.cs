namespace DevEx.Server.Api;

/// <summary>
/// The query string every metric and explain endpoint takes: the window (<c>from</c> inclusive, <c>to</c> exclusive,
/// yyyy-MM-dd in the org zone; default the last 12 full ISO weeks, <see cref="DevEx.Analytics.Metrics.MetricWindow.DefaultWeeks"/>), the scope and the series interval.
/// </summary>
internal sealed record MetricRequest(string? From, string? To, string? Team, string? Service, string? Repo, string? Interval);
