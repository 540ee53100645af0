using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DevEx.Reports.Charts;

/// <summary>
/// Builds the one or two sentences a screen reader says instead of the picture: what the chart is, the span of
/// the x axis, and for each series its range, latest value and gaps. A chart must be usable without seeing it.
/// </summary>
internal static partial class ChartTextAlternative
{
    private const int MaxNamedGaps = 4;

    internal static string Build(ChartSpec spec)
    {
        var text = new StringBuilder();
        text.Append(KindName(spec.Kind)).Append(" '").Append(spec.Title).Append('\'');
        if (!string.IsNullOrWhiteSpace(spec.YLabel) && spec.Kind != ChartKind.Distribution)
        {
            text.Append(" in ").Append(spec.YLabel);
        }
        return spec.Kind == ChartKind.Distribution ? Distribution(spec, text) : Categorical(spec, text);
    }

    internal static string Number(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string Categorical(ChartSpec spec, StringBuilder text)
    {
        var categories = spec.Categories;
        if (categories.Count == 0 || !spec.Series.Any(s => s.Values.Any(v => v is not null)))
        {
            return text.Append(": no data in this window.").ToString();
        }
        var timeLike = categories.All(c => TimeCategory().IsMatch(c));
        var noun = categories.All(c => IsoWeek().IsMatch(c)) ? "weeks" : timeLike ? "periods" : "categories";
        text.Append(", ").Append(categories.Count).Append(' ').Append(noun);
        text.Append(timeLike ? $" from {categories[0]} to {categories[^1]}." : $": {string.Join(", ", categories)}.");
        foreach (var series in spec.Series)
        {
            text.Append(' ').Append(Describe(series, categories, timeLike)).Append('.');
        }
        return text.ToString();
    }

    private static string Describe(ChartSeries series, IReadOnlyList<string> categories, bool timeLike)
    {
        var points = Enumerable.Range(0, Math.Min(series.Values.Count, categories.Count))
            .Where(i => series.Values[i] is not null)
            .Select(i => (Category: categories[i], Value: series.Values[i]!.Value))
            .ToList();
        if (points.Count == 0)
        {
            return $"{series.Name}: no data";
        }
        var min = points.MinBy(p => p.Value);
        var max = points.MaxBy(p => p.Value);
        var latest = points[^1];
        var description = timeLike
            ? $"{series.Name}: from {Number(min.Value)} to {Number(max.Value)}, latest {Number(latest.Value)}"
              + (latest.Category == categories[^1] ? "" : $" in {latest.Category}")
            : $"{series.Name}: lowest {Number(min.Value)} ({min.Category}), highest {Number(max.Value)} ({max.Category})";
        var gaps = categories.Where((c, i) => i >= series.Values.Count || series.Values[i] is null).ToList();
        return gaps.Count switch
        {
            0 => description,
            <= MaxNamedGaps => $"{description}; no data for {string.Join(", ", gaps)}",
            _ => $"{description}; no data for {gaps.Count} of {categories.Count}",
        };
    }

    private static string Distribution(ChartSpec spec, StringBuilder text)
    {
        var samples = ChartRenderer.Samples(spec);
        if (samples.Count == 0)
        {
            return text.Append(": no data in this window.").ToString();
        }
        var unit = string.IsNullOrWhiteSpace(spec.XLabel) ? "" : $" of {spec.XLabel}";
        if (samples.Count == 1)
        {
            return text.Append($", 1 sample{unit}: {Number(samples[0])}.").ToString();
        }
        var sorted = samples.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var busiest = Histogram.Bin(samples).MaxBy(b => b.Count)!;
        return text.Append($", {samples.Count} samples{unit}: from {Number(sorted[0])} to {Number(sorted[^1])}, median {Number(median)}. ")
            .Append($"Most samples ({busiest.Count}) are between {Number(busiest.Lower)} and {Number(busiest.Upper)}.")
            .ToString();
    }

    private static string KindName(ChartKind kind) => kind switch
    {
        ChartKind.Line => "Line chart",
        ChartKind.Bar or ChartKind.HorizontalBar => "Bar chart",
        ChartKind.StackedBar => "Stacked bar chart",
        ChartKind.Distribution => "Histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [GeneratedRegex(@"^\d{4}-W\d{2}$")]
    private static partial Regex IsoWeek();

    /// <summary>ISO weeks, months or dates: categories with an order in time, where "latest" means something.</summary>
    [GeneratedRegex(@"^\d{4}-(W\d{2}|\d{2}(-\d{2})?)$")]
    private static partial Regex TimeCategory();
}
