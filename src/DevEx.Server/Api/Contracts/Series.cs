using System.Text.Json;
using System.Text.Json.Serialization;
using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Server.Api.Contracts;

/// <summary>
/// A metric per day, ISO week or month over [from, to): each period is the figures of <typeparamref name="T"/> with its
/// coverage (docs/metrics.md#partial-periods).
/// </summary>
internal sealed record Series<T>(string Interval, LocalDate From, LocalDate To, IReadOnlyList<SeriesPeriod<T>> Periods)
{
    public static Series<T> Of(ResolvedRequest request, IReadOnlyList<T> periods, JsonSerializerOptions json) => new(
        request.Interval.ToString().ToLowerInvariant(), request.Window.From, request.Window.To,
        periods.Zip(request.Window.Periods(request.Interval), (figures, period) => SeriesPeriod<T>.Of(figures, period.Coverage(request.Interval), json)).ToList());
}

/// <summary>
/// One period of a <see cref="Series{T}"/>: the properties of <typeparamref name="T"/> written at the top level beside
/// <c>partial</c> (the window's edge cuts the period), <c>days</c> inside the window and <c>periodDays</c> of the period.
/// The OpenAPI schema lists both (<see cref="SeriesPeriodSchema"/>).
/// </summary>
internal sealed record SeriesPeriod<T>(bool Partial, int Days, int PeriodDays)
{
    /// <summary>The figures, as <typeparamref name="T"/> serializes them, flattened into the period's object.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Figures { get; init; } = [];

    public static SeriesPeriod<T> Of(T figures, PeriodCoverage coverage, JsonSerializerOptions json) =>
        new(coverage.Partial, coverage.Days, coverage.PeriodDays)
        {
            Figures = JsonSerializer.SerializeToElement(figures, json).EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
        };
}
