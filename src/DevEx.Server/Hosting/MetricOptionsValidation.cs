using System.Text.RegularExpressions;
using DevEx.Analytics;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Server.Hosting;

/// <summary>
/// Checks <c>DevEx:Metrics</c> at start, naming each key and value at fault: the zone, every holiday, and the patterns
/// (as .NET reads them; the bot pattern is also read by DuckDB, whose RE2 knows no look-arounds or back-references).
/// Without it a bad holiday or pattern would fail the first derivation instead of the start.
/// </summary>
internal sealed class MetricOptionsValidation : IValidateOptions<MetricOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricOptions options) =>
        Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    public static IEnumerable<string> Problems(MetricOptions options)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
        {
            yield return $"{MetricOptions.Section}:TimeZone '{options.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin).";
        }
        for (var i = 0; i < options.Holidays.Count; i++)
        {
            if (!LocalDatePattern.Iso.Parse(options.Holidays[i]).Success)
            {
                yield return $"{MetricOptions.Section}:Holidays:{i} '{options.Holidays[i]}' is not a date (yyyy-MM-dd).";
            }
        }
        foreach (var (key, pattern) in new[] { ("ProductionEnvironments", options.ProductionEnvironments), ("BotPattern", options.BotPattern),
                     ("NotCausedByChangePattern", options.NotCausedByChangePattern ?? "") })
        {
            if (RegexProblem(pattern) is { } problem)
            {
                yield return $"{MetricOptions.Section}:{key} '{pattern}' is not a regular expression: {problem}";
            }
        }
        if (options.FailureWindow <= TimeSpan.Zero || options.IncidentWindow <= TimeSpan.Zero)
        {
            yield return $"{MetricOptions.Section}:FailureWindow and IncidentWindow must be positive, not {options.FailureWindow} and {options.IncidentWindow}.";
        }
    }

    private static string? RegexProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
