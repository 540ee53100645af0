using System.Text;
using DevEx.Analytics.Adoption;
using DevEx.Reports.Csv;
using DevEx.Server.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Api;

/// <summary>
/// The adoption answers as CSV (<c>?format=csv</c>): one row per figure, raw invariant values, snake_case headers, fields
/// written as every export writes them (<see cref="CsvField"/>).
/// </summary>
internal static class AdoptionCsv
{
    public static FileContentHttpResult Coverage(AdoptionCoverage coverage, string? team) =>
        File("adoption-coverage", ["week", "team", "active_repositories", "catalogued_repositories", "catalog_coverage", "components",
            "owned_components", "owner_coverage", "with_description", "with_lifecycle", "with_system", "with_techdocs", "complete", "complete_share"],
            coverage.Weeks.Select(w => (Label: team is null ? "(organisation)" : $"{team} (roll-up)", Week: w))
                .Concat(coverage.Teams.SelectMany(t => t.Weeks.Select(w => (Label: t.Team, Week: w))))
                .Select(r => new object?[] { r.Week.Week, r.Label, r.Week.ActiveRepositories, r.Week.CataloguedRepositories, r.Week.CatalogCoverage,
                    r.Week.Components, r.Week.OwnedComponents, r.Week.OwnerCoverage, r.Week.WithDescription, r.Week.WithLifecycle, r.Week.WithSystem,
                    r.Week.WithTechdocs, r.Week.Complete, r.Week.CompleteShare }));

    public static FileContentHttpResult Scorecards(IReadOnlyList<ScorecardSummary> scorecards) =>
        File("adoption-scorecards", ["scorecard", "week", "team", "check", "components", "passed", "pass_share"],
            scorecards.SelectMany(s => s.Checks.Select(c => new object?[] { s.Id, s.Week, "", c.Id, c.Components, c.Passed, c.PassShare })
                .Concat(s.HeatMap.SelectMany(h => h.Checks.Select(c => new object?[] { s.Id, s.Week, h.Team, c.Id, c.Components, c.Passed, c.PassShare })))));

    public static FileContentHttpResult Components(string scorecard, IReadOnlyList<ComponentScore> components) =>
        File($"adoption-{scorecard}-components", ["component", "team", "level", "check", "passed", "repo", "file", "line", "commit", "detail"],
            components.SelectMany(c => c.Results.Select(r => new object?[] { c.Component, c.Team, c.Level, r.Check, r.Passed, r.Repo, r.File, r.Line, r.Commit, r.Detail })));

    public static FileContentHttpResult Impact(IReadOnlyList<ScorecardImpact> scorecards) =>
        File("adoption-impact", ["scorecard", "figure", "unit", "adopters_components", "adopters_weeks", "adopters_median", "non_adopters_components",
            "non_adopters_weeks", "non_adopters_median", "adopters", "controls", "adopter_change", "control_change", "effect", "interval_low",
            "interval_high", "withheld_reason"],
            scorecards.SelectMany(s => s.Figures.Select(f => new object?[] { s.Scorecard, f.Figure, f.Unit, f.Adopters.Components, f.Adopters.Weeks,
                f.Adopters.Median, f.NonAdopters.Components, f.NonAdopters.Weeks, f.NonAdopters.Median, f.Estimate.Adopters, f.Estimate.Controls,
                f.Estimate.AdopterChange, f.Estimate.ControlChange, f.Estimate.Effect, f.Estimate.IntervalLow, f.Estimate.IntervalHigh,
                f.Estimate.WithheldReason })));

    private static FileContentHttpResult File(string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(CsvField.Write)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(v => CsvField.Write(Format.Raw(v)))).Append("\r\n");
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{name}.csv");
    }
}
