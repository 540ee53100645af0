using NodaTime;

namespace DevEx.Analytics.Adoption;

/// <summary>A Component's figure in one ISO week (a median lead time, a count of deployments…); weeks without one are left out.</summary>
public sealed record ComponentWeek(string Component, LocalDate Week, double Value);

/// <summary>
/// The difference-in-differences of a golden path on one figure: <see cref="Effect"/> is the mean over adopters of their
/// change (after minus before) less the mean change of the not-yet-adopted Components over the same calendar weeks, with
/// a bootstrap interval; null with <see cref="WithheldReason"/> below the minimum sample.
/// </summary>
public sealed record DifferenceInDifferences(int Adopters, int Controls, double? AdopterChange, double? ControlChange, double? Effect,
    double? IntervalLow, double? IntervalHigh, string? WithheldReason);

/// <summary>
/// Adoption's association with delivery (docs/adoption.md, "Impact"): association, not cause. For every Component that
/// adopted in week A: its median over the <see cref="Weeks"/> weeks before A ([A − 8, A)) and over the weeks from A
/// ([A, A + 8)), both needed; its change is after minus before. Its controls are the Components not adopted by the end
/// of its after-weeks (never, or later), each with a value on both sides of the same calendar weeks; their mean change
/// is subtracted. The effect is the mean of those differences over adopters. The interval resamples adopters and the
/// control pool with replacement (seeded, so a page shows the same interval on every load), 2.5th to 97.5th percentile.
/// </summary>
public sealed class AdoptionImpact(int minimumComponents = 5, int weeks = 8, int resamples = 2000, int seed = 20261207)
{
    public int Weeks => weeks;

    public DifferenceInDifferences Estimate(IReadOnlyList<ComponentWeek> values, IReadOnlyDictionary<string, LocalDate?> adoptedIn)
    {
        var byComponent = values.GroupBy(v => v.Component, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.Week, v => v.Value), StringComparer.Ordinal);
        var adopters = adoptedIn.Where(a => a.Value is not null && Change(byComponent, a.Key, a.Value!.Value) is not null)
            .Select(a => (Component: a.Key, Week: a.Value!.Value)).OrderBy(a => a.Component, StringComparer.Ordinal).ToList();
        var pool = byComponent.Keys.Order(StringComparer.Ordinal).ToList();
        var pairs = adopters.Select(a => (a, Controls: Controls(byComponent, adoptedIn, pool, a.Component, a.Week))).ToList();
        var controls = pairs.SelectMany(p => p.Controls).Distinct(StringComparer.Ordinal).Count();
        if (adopters.Count < minimumComponents || controls < minimumComponents)
        {
            return new DifferenceInDifferences(adopters.Count, controls, null, null, null, null, null,
                $"{adopters.Count} adopting and {controls} not-yet-adopted Components with figures on both sides; the comparison needs {minimumComponents} of each");
        }
        var point = Effect(byComponent, adoptedIn, adopters, pool);
        var random = new Random(seed);
        var estimates = new List<double>(resamples);
        for (var i = 0; i < resamples; i++)
        {
            var drawnAdopters = Enumerable.Range(0, adopters.Count).Select(_ => adopters[random.Next(adopters.Count)]).ToList();
            var drawnPool = Enumerable.Range(0, pool.Count).Select(_ => pool[random.Next(pool.Count)]).ToList();
            if (Effect(byComponent, adoptedIn, drawnAdopters, drawnPool) is { Effect: { } effect })
            {
                estimates.Add(effect);
            }
        }
        estimates.Sort();
        return new DifferenceInDifferences(adopters.Count, controls, point.AdopterChange, point.ControlChange, point.Effect,
            Percentile(estimates, 0.025), Percentile(estimates, 0.975), null);
    }

    private (double? AdopterChange, double? ControlChange, double? Effect) Effect(Dictionary<string, Dictionary<LocalDate, double>> values,
        IReadOnlyDictionary<string, LocalDate?> adoptedIn, IReadOnlyList<(string Component, LocalDate Week)> adopters, IReadOnlyList<string> pool)
    {
        var own = new List<double>();
        var theirs = new List<double>();
        foreach (var (component, week) in adopters)
        {
            var controlChanges = Controls(values, adoptedIn, pool, component, week).Select(c => Change(values, c, week)!.Value).ToList();
            if (controlChanges.Count == 0)
            {
                continue;
            }
            own.Add(Change(values, component, week)!.Value);
            theirs.Add(controlChanges.Average());
        }
        return own.Count == 0 ? (null, null, null) : (own.Average(), theirs.Average(), own.Average() - theirs.Average());
    }

    /// <summary>The pool's Components not adopted before <paramref name="week"/> + weeks, with a value on both sides of it (a draw may repeat one).</summary>
    private List<string> Controls(Dictionary<string, Dictionary<LocalDate, double>> values, IReadOnlyDictionary<string, LocalDate?> adoptedIn,
        IReadOnlyList<string> pool, string adopter, LocalDate week) =>
        [.. pool.Where(c => c != adopter && (adoptedIn.GetValueOrDefault(c) is not { } adopted || adopted >= week.PlusWeeks(weeks))
            && Change(values, c, week) is not null)];

    /// <summary>The median over [week, week + weeks) minus the median over [week − weeks, week); null without a value on each side.</summary>
    private double? Change(Dictionary<string, Dictionary<LocalDate, double>> values, string component, LocalDate week)
    {
        if (!values.TryGetValue(component, out var series))
        {
            return null;
        }
        var before = Median(series.Where(v => v.Key >= week.PlusWeeks(-weeks) && v.Key < week).Select(v => v.Value));
        var after = Median(series.Where(v => v.Key >= week && v.Key < week.PlusWeeks(weeks)).Select(v => v.Value));
        return before is null || after is null ? null : after - before;
    }

    /// <summary>The median (the mean of the two middle values for an even count), as quantile_cont(0.5) gives it; null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double? Percentile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
