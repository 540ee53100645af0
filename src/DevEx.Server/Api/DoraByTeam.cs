using DevEx.Analytics.Metrics;

namespace DevEx.Server.Api;

/// <summary>One row of GET /api/v1/metrics/dora/by-team: a team's figures, or those of what no team owns.</summary>
internal sealed record TeamDora(string Team, bool Unowned, DoraMetrics Metrics);

/// <summary>The response of GET /api/v1/metrics/dora/by-team: teams by id, the unowned row last.</summary>
internal sealed record DoraByTeam(NodaTime.LocalDate From, NodaTime.LocalDate To, IReadOnlyList<TeamDora> Teams)
{
    public string Definition => "/docs/metrics#teams-and-services";

    public static DoraByTeam Of(ResolvedRequest request, IReadOnlyDictionary<string, DoraMetrics> byTeam) =>
        new(request.Window.From, request.Window.To, byTeam
            .OrderBy(t => t.Key == MetricScope.Unowned).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TeamDora(t.Key, t.Key == MetricScope.Unowned, t.Value)).ToList());
}
