using System.Globalization;
using DevEx.Analytics.Time;

namespace DevEx.Reports.Weekly;

/// <summary>How figures read to people (HTML, Markdown, chat): hours as <see cref="HoursText"/>, ratios as percentages, "–" for none.</summary>
public static class ReportValues
{
    public const string None = "–";

    public static string Format(double? value, string unit) => value is not { } v ? None : unit switch
    {
        "ratio" => string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.#}%"),
        "hours" => HoursText.Format(v),
        _ => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Delta(double? delta, string unit)
    {
        if (delta is not { } d)
        {
            return None;
        }
        var magnitude = Math.Abs(d);
        if (unit == "hours" && magnitude < 0.01)
        {
            return "±0 h"; // under 36 seconds: no change a person would act on, and "+< 0.01 h" reads as noise
        }
        var sign = d > 0 ? "+" : d < 0 ? "−" : "±";
        return sign + (unit switch
        {
            "ratio" => string.Create(CultureInfo.InvariantCulture, $"{magnitude * 100:0.#} pp"),
            "hours" => HoursText.Format(magnitude),
            _ => magnitude.ToString("0.##", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A number for machines (CSV): invariant, round-trippable, empty when there is none.</summary>
    public static string Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Hours(double? hours) => Format(hours, "hours");

    public static string Percent(double? ratio) => Format(ratio, "ratio");
}

/// <summary>Instants as the team reads them: local time in the report's zone.</summary>
public static class ReportTimes
{
    public static string Local(NodaTime.Instant instant, string zone) =>
        instant.InZone(TeamZone.Resolve(zone))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
