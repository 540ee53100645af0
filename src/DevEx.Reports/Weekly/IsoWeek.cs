using System.Globalization;
using System.Text.RegularExpressions;
using DevEx.Analytics.Metrics;
using NodaTime;
using NodaTime.Calendars;

namespace DevEx.Reports.Weekly;

/// <summary>
/// An ISO 8601 week (2026-W47): Monday to Sunday, in the week-year of its Thursday. A team's week is the half-open
/// interval from Monday 00:00 to the next Monday 00:00 in the team's zone.
/// </summary>
public readonly partial record struct IsoWeek
{
    private IsoWeek(int weekYear, int week)
    {
        WeekYear = weekYear;
        Week = week;
    }

    /// <summary>
    /// The week-years a report can be asked for: a week's report also reads the week before and the three before that
    /// (its trend), which year 1 has not, and NodaTime's dates end in 9999; no data predates the Unix epoch.
    /// </summary>
    public const int FirstYear = 1970;

    public const int LastYear = 9998;

    public int WeekYear { get; }
    public int Week { get; }

    public LocalDate Monday => WeekYearRules.Iso.GetLocalDate(WeekYear, Week, IsoDayOfWeek.Monday);

    public IsoWeek Previous => Containing(Monday.PlusWeeks(-1));

    public static IsoWeek Containing(LocalDate date) =>
        new(WeekYearRules.Iso.GetWeekYear(date), WeekYearRules.Iso.GetWeekOfWeekYear(date));

    /// <summary>The last full week before the one <paramref name="now"/> falls in, in <paramref name="zone"/>.</summary>
    public static IsoWeek LastFull(Instant now, DateTimeZone zone) => Containing(now.InZone(zone).Date.PlusWeeks(-1));

    public static bool TryParse(string? text, out IsoWeek week, out string error)
    {
        week = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            error = $"'week' must be an ISO week written yyyy-Www (e.g. 2026-W47), not '{text}'.";
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear)
        {
            error = $"'week' {text} is out of range: the year must be {FirstYear} to {LastYear}.";
            return false;
        }
        var weeks = WeekYearRules.Iso.GetWeeksInWeekYear(year);
        if (number < 1 || number > weeks)
        {
            error = $"'week' {text} does not exist: {year} has {weeks} ISO weeks.";
            return false;
        }
        week = new IsoWeek(year, number);
        error = "";
        return true;
    }

    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week, out var error) ? week : throw new FormatException(error);

    /// <summary>The week as a metric window in a zone: [Monday, next Monday) local dates.</summary>
    public MetricWindow Window(DateTimeZone zone) => new(Monday, Monday.PlusWeeks(1), zone);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WeekYear:0000}-W{Week:00}");

    [GeneratedRegex(@"^(?<year>\d{4})-?W(?<week>\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
