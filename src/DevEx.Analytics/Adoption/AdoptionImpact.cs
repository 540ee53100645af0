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
        // Each draw asks every adopter's change and its controls' changes at its adoption week: computed once here per
        // adoption week and Component (NaN where that Component is no control then), so a draw is array reads
        // (2,000 draws over 120 Components took 211 s when each read recomputed its medians; docs/benchmarks.md).
        var changes = new WeekChanges(adopters.Select(a => a.Week).Distinct().ToDictionary(w => w, w => pool.Select(c =>
            (adoptedIn.GetValueOrDefault(c) is not { } adopted || adopted >= w.PlusWeeks(weeks)) && Change(byComponent, c, w) is { } change
                ? change : double.NaN).ToArray()));
        var position = pool.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var drawn = adopters.Select(a => new Adopter(position[a.Component], a.Week, Change(byComponent, a.Component, a.Week)!.Value)).ToList();
        var everyone = Enumerable.Range(0, pool.Count).ToArray();
        var point = Effect(changes, drawn, everyone);
        var random = new Random(seed);
        var estimates = new List<double>(resamples);
        var drawnAdopters = new Adopter[drawn.Count];
        var drawnPool = new int[pool.Count];
        for (var i = 0; i < resamples; i++)
        {
            for (var a = 0; a < drawnAdopters.Length; a++)
            {
                drawnAdopters[a] = drawn[random.Next(drawn.Count)];
            }
            for (var c = 0; c < drawnPool.Length; c++)
            {
                drawnPool[c] = everyone[random.Next(pool.Count)];
            }
            if (Effect(changes, drawnAdopters, drawnPool) is { Effect: { } effect })
            {
                estimates.Add(effect);
            }
        }
        estimates.Sort();
        return new DifferenceInDifferences(adopters.Count, controls, point.AdopterChange, point.ControlChange, point.Effect,
            Percentile(estimates, 0.025), Percentile(estimates, 0.975), null);
    }

    /// <summary>An adopting Component by its place in the pool, its adoption week and its own change then.</summary>
    private sealed record Adopter(int Component, LocalDate Week, double Change);

    /// <summary>Per adoption week, each pool Component's change as a control then (NaN where it is none).</summary>
    private sealed record WeekChanges(Dictionary<LocalDate, double[]> ByWeek);

    /// <summary>
    /// Mean adopter change less mean control change: each adopter's controls are the pool's entries (a draw may repeat
    /// one) other than itself not adopted before its week + weeks with a change there; an adopter without one is left out.
    /// </summary>
    private static (double? AdopterChange, double? ControlChange, double? Effect) Effect(WeekChanges changes, IReadOnlyList<Adopter> adopters, int[] pool)
    {
        double ownSum = 0, theirSum = 0;
        var counted = 0;
        foreach (var adopter in adopters)
        {
            var controlChange = changes.ByWeek[adopter.Week];
            double sum = 0;
            var n = 0;
            foreach (var control in pool)
            {
                if (control != adopter.Component && !double.IsNaN(controlChange[control]))
                {
                    sum += controlChange[control];
                    n++;
                }
            }
            if (n == 0)
            {
                continue;
            }
            ownSum += adopter.Change;
            theirSum += sum / n;
            counted++;
        }
        return counted == 0 ? (null, null, null) : (ownSum / counted, theirSum / counted, ownSum / counted - theirSum / counted);
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
