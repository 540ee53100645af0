using Microsoft.AspNetCore.Mvc;

namespace DevEx.Server.Api;

/// <summary>
/// The query string every metric and explain endpoint takes: the window (<c>from</c> inclusive, <c>to</c> exclusive,
/// yyyy-MM-dd in the org zone; default the last 12 full ISO weeks, <see cref="DevEx.Analytics.Metrics.MetricWindow.DefaultWeeks"/>), the scope and the series interval.
/// Bound by name in lower case, as they are sent and as the OpenAPI document lists them; read as text so that a bad value
/// is a problem naming it (<see cref="MetricRequestResolver"/>) rather than the binder's bare 400.
/// </summary>
internal sealed record MetricRequest(
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "team")] string? Team,
    [property: FromQuery(Name = "service")] string? Service,
    [property: FromQuery(Name = "repo")] string? Repo,
    [property: FromQuery(Name = "interval")] string? Interval);
