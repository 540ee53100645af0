using System.Globalization;
using DevEx.Analytics.Metrics;
using DevEx.Reports;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Text;

namespace DevEx.Server.Dashboards;

/// <summary>How values read on a page: hours (days from 48 h), rates as %, counts with separators, dates ISO.</summary>
internal static class Format
{
    public static readonly string Missing = "–";

    public static string Value(object? value, string unit)
    {
        if (value is null or DBNull)
        {
            return Missing;
        }
        var number = PanelData.Number(value);
        return unit switch
        {
            "hours" when number is { } h => Hours(h),
            "rate" when number is { } r => string.Create(CultureInfo.InvariantCulture, $"{r * 100:0.#}%"),
            "count" when number is { } c => c.ToString("#,0", CultureInfo.InvariantCulture),
            "date" => Date(value),
            "instant" => Instant(value),
            _ when number is { } n => n.ToString(Math.Abs(n) >= 100 ? "#,0" : "0.##", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>Always hours: "7.5 h", "1,204 h", "0.05 h" (<see cref="HoursText"/>).</summary>
    public static string Hours(double hours) => HoursText.Format(hours);

    /// <summary>A value for a CSV cell or an attribute: invariant, unformatted.</summary>
    public static string Raw(object? value) => value switch
    {
        null or DBNull => "",
        LocalDate d => LocalDatePattern.Iso.Format(d),
        Instant i => InstantPattern.ExtendedIso.Format(i),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero && t.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static LocalDate? AsDate(object? value) => value switch
    {
        LocalDate d => d,
        DateOnly d => LocalDate.FromDateOnly(d),
        DateTime t => LocalDate.FromDateTime(t),
        _ => null,
    };

    private static string Date(object value) => AsDate(value) is { } d ? LocalDatePattern.Iso.Format(d) : Raw(value);

    private static string Instant(object value) => value switch
    {
        Instant i => i.InUtc().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        _ => Raw(value),
    };

    /// <summary>The label of a period on a chart axis: the ISO week (2026-W47), the month (2026-11) or the day.</summary>
    public static string Period(LocalDate start, MetricInterval interval) => interval switch
    {
        MetricInterval.Week => string.Create(CultureInfo.InvariantCulture,
            $"{WeekYearRules.Iso.GetWeekYear(start)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(start):00}"),
        MetricInterval.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => LocalDatePattern.Iso.Format(start),
    };

    /// <summary>"up 3.2 h from 10.1 h", "down 4 points from 12%", "no change": a trend a person can read aloud.</summary>
    public static string? Trend(double? now, double? before, string unit)
    {
        if (now is not { } a || before is not { } b)
        {
            return null;
        }
        var delta = a - b;
        if (Math.Abs(delta) < (unit == "rate" ? 0.0005 : 0.05))
        {
            return $"no change from {Value(b, unit)}";
        }
        var direction = delta > 0 ? "up" : "down";
        var size = unit switch
        {
            "rate" => string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(delta) * 100:0.#} points"),
            "hours" => Hours(Math.Abs(delta)),
            _ => Value(Math.Abs(delta), unit),
        };
        return $"{direction} {size} from {Value(b, unit)}";
    }
}
