using System.Diagnostics;
using DevEx.Analytics.Metrics;
using DevEx.Store;
using DevEx.Store.Queries;
using DevEx.Store.Rows;
using DevEx.Store.Time;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Analytics.Adoption;

/// <summary>What a scorecard run wrote and how long it took.</summary>
public sealed record ScorecardDerivation(int Scorecards, int Components, int Weeks, int CheckResults, TimeSpan Elapsed);

/// <summary>
/// Evaluates every scorecard for every Component it applies to, for each ISO week of the last <c>weeks</c> (the current
/// week as of now, the others as of their end), and replaces d_scorecard_checks and d_scorecard_levels in one
/// transaction (docs/adoption.md, "Scorecards"). A Component is evaluated from the week it is known to the catalog:
/// its entity's first sight, or earlier the first commit of a catalog file in its repositories. Files are read as
/// of each week from their collected history; catalog fields and annotations as the catalog holds them now.
/// </summary>
public sealed class ScorecardDeriver(DuckDbDatabase database, MetricOptions options)
{
    public ScorecardDerivation Run(ScorecardSet set, Instant now, int weeks = 52, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var zone = DateTimeZoneProviders.Tzdb[options.TimeZone];
        var current = IsoWeekStart.Of(now.InZone(zone).Date);
        var first = current.PlusWeeks(1 - weeks);
        var input = ScorecardInput.Load(database);
        var metrics = Metrics(set, first, current.PlusWeeks(1), zone, cancellationToken);
        var checks = new List<ScorecardCheckRow>();
        var levels = new List<ScorecardLevelRow>();
        for (var week = first; week <= current; week = week.PlusWeeks(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = week == current ? now : zone.AtStartOfDay(week.PlusWeeks(1)).ToInstant();
            foreach (var component in input.Components.Where(c => c.KnownFrom < end))
            {
                var snapshot = Snapshot(component, input, end, week, metrics);
                foreach (var scorecard in set.Scorecards.Where(s => s.AppliesTo.Admits(component.Type, component.Lifecycle)))
                {
                    var passed = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var check in scorecard.Checks)
                    {
                        var result = CheckEvaluator.Evaluate(check, snapshot);
                        if (result.Passed)
                        {
                            passed.Add(check.Id);
                        }
                        var evidence = result.Evidence;
                        checks.Add(new ScorecardCheckRow(scorecard.Id, check.Id, component.Id, week, result.Passed, evidence.Repo, evidence.File,
                            evidence.Line, evidence.Commit, evidence.Detail));
                    }
                    levels.Add(new ScorecardLevelRow(scorecard.Id, component.Id, component.OwnerTeam, week, scorecard.LevelOf(passed),
                        scorecard.Checks.Count, passed.Count));
                }
            }
        }
        var replacements = new TableReplacements().Replace(Tables.ScorecardChecks, checks).Replace(Tables.ScorecardLevels, levels);
        database.WriteDerived((connection, _) => replacements.Apply(connection), cancellationToken);
        database.MarkDataChanged();
        return new ScorecardDerivation(set.Scorecards.Count, input.Components.Count, weeks, checks.Count, stopwatch.Elapsed);
    }

    /// <summary>The Component's files as of <paramref name="end"/> (the last version committed before it, unless that deleted the file).</summary>
    private static ComponentSnapshot Snapshot(ScorecardComponent component, ScorecardInput input, Instant end, LocalDate week,
        Dictionary<(string Metric, int Weeks, LocalDate Week, string Service), double> metrics)
    {
        var files = new List<RepositoryFile>();
        foreach (var repo in component.Repos)
        {
            foreach (var versions in input.Files.GetValueOrDefault(repo)?.Values ?? [])
            {
                var at = LastBefore(versions, end);
                if (at is { Deleted: false } version)
                {
                    files.Add(new RepositoryFile(repo, version.Path, version.Content, version.Commit));
                }
            }
        }
        double? Metric(string metric, int weeks) =>
            metrics.TryGetValue((metric, weeks, week, component.Id), out var value) ? value
            : metric == MetricThresholds.DeploymentsPerWeek ? 0 // no production deployment in the weeks: none per week
            : null;
        return new ComponentSnapshot(component.Id, files, component.Annotations, component.Fields, Metric);
    }

    private static FileVersion? LastBefore(IReadOnlyList<FileVersion> versions, Instant end)
    {
        FileVersion? last = null;
        foreach (var version in versions)
        {
            if (version.At >= end)
            {
                break;
            }
            last = version;
        }
        return last;
    }

    /// <summary>queries/adoption_service_weeks.sql once per trailing window a metric check asks.</summary>
    private Dictionary<(string Metric, int Weeks, LocalDate Week, string Service), double> Metrics(ScorecardSet set, LocalDate from, LocalDate to,
        DateTimeZone zone, CancellationToken cancellationToken)
    {
        var values = new Dictionary<(string, int, LocalDate, string), double>();
        var runner = new QueryRunner(database);
        foreach (var weeks in set.Scorecards.SelectMany(s => s.Checks).Where(c => c.Kind == CheckKind.Metric).Select(c => c.Weeks).Distinct())
        {
            var parameters = new QueryParameters();
            parameters.Add("from_date", from.ToDateTimeUnspecified());
            parameters.Add("to_date", to.ToDateTimeUnspecified());
            parameters.Add("zone", zone.Id);
            parameters.Add("weeks", weeks);
            foreach (var row in runner.Run<(DateTime Week, string Service, string Metric, double Value)>("adoption_service_weeks", parameters, cancellationToken))
            {
                values[(row.Metric, weeks, LocalDate.FromDateTime(row.Week), row.Service)] = row.Value;
            }
        }
        return values;
    }
}
