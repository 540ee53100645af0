using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>Series granularity; ISO weeks start on Monday.</summary>
public enum MetricInterval
{
    Day,
    Week,
    Month,
}

/// <summary>How a metric is broken down: one figure for the scope, or one per owning team or per service.</summary>
public enum MetricGrouping
{
    None,
    Team,
    Service,
}

/// <summary>Which slice of the org a metric covers; null members do not filter.</summary>
public sealed record MetricScope(string? Team = null, string? Service = null, string? Repo = null)
{
    public static MetricScope Org { get; } = new();

    /// <summary>
    /// The row of per-team listings that holds what no catalog team owns (services without an owner, or whose owner is no
    /// Group), so that the rows sum to the org. Not a team, and not a value of the team filter.
    /// </summary>
    public const string Unowned = "unowned";
}

/// <summary>
/// The half-open window [From, To) of local dates in the org's zone, and the instants they start at.
/// </summary>
public sealed record MetricWindow
{
    public MetricWindow(LocalDate from, LocalDate to, DateTimeZone zone)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The window must end after it starts ({from:yyyy-MM-dd} .. {to:yyyy-MM-dd}).");
        }
        From = from;
        To = to;
        Zone = zone;
    }

    public LocalDate From { get; }
    public LocalDate To { get; }
    public DateTimeZone Zone { get; }
    public Instant Start => Zone.AtStartOfDay(From).ToInstant();
    public Instant End => Zone.AtStartOfDay(To).ToInstant();
    public int Days => Period.Between(From, To, PeriodUnits.Days).Days;
    public double Weeks => Days / 7.0;

    /// <summary>
    /// The one default window of the API and the dashboards: the last 12 full ISO weeks before the current
    /// week, enough weeks for a trend and recent enough to act on (docs/configuration.md).
    /// </summary>
    public const int DefaultWeeks = 12;

    /// <summary>The default window: the last <paramref name="weeks"/> full ISO weeks before the current week.</summary>
    public static MetricWindow LastFullWeeks(Instant now, DateTimeZone zone, int weeks = DefaultWeeks)
    {
        var today = now.InZone(zone).Date;
        var thisMonday = IsoWeekStart.Of(today);
        return new MetricWindow(thisMonday.PlusWeeks(-weeks), thisMonday, zone);
    }

    /// <summary>How much of its calendar period (a day, an ISO week, a month) this series period holds.</summary>
    public PeriodCoverage Coverage(MetricInterval interval) => new(Days, interval switch
    {
        MetricInterval.Day => 1,
        MetricInterval.Week => 7,
        MetricInterval.Month => CalendarSystem.Iso.GetDaysInMonth(From.Year, From.Month),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    });

    /// <summary>The periods of a series that cover the window (the first and last may be partial).</summary>
    public IReadOnlyList<MetricWindow> Periods(MetricInterval interval)
    {
        var periods = new List<MetricWindow>();
        var start = From;
        while (start < To)
        {
            var next = interval switch
            {
                MetricInterval.Day => start.PlusDays(1),
                MetricInterval.Week => IsoWeekStart.Of(start).PlusWeeks(1),
                MetricInterval.Month => new LocalDate(start.Year, start.Month, 1).PlusMonths(1),
                _ => throw new ArgumentOutOfRangeException(nameof(interval)),
            };
            periods.Add(new MetricWindow(start, next < To ? next : To, Zone));
            start = next;
        }
        return periods;
    }
}

/// <summary>
/// A series period's days inside the window against its calendar period's (7 for an ISO week, the month's length):
/// partial when the window's edge cuts it (a window from 12 June has a June of 19 of 30 days).
/// </summary>
public sealed record PeriodCoverage(int Days, int PeriodDays)
{
    public bool Partial => Days < PeriodDays;
}

/// <summary>Binds a window, a scope and an interval to the common parameters of queries/*.sql.</summary>
public static class MetricParameters
{
    public static DevEx.Store.Queries.QueryParameters For(MetricWindow window, MetricScope scope, MetricInterval? interval = null)
    {
        var parameters = new DevEx.Store.Queries.QueryParameters();
        parameters.Add("from", window.Start.ToDateTimeUtc());
        parameters.Add("to", window.End.ToDateTimeUtc());
        parameters.Add("from_date", window.From.ToDateTimeUnspecified());
        parameters.Add("to_date", window.To.ToDateTimeUnspecified());
        parameters.Add("zone", window.Zone.Id);
        parameters.Add("interval", interval?.ToString().ToLowerInvariant() ?? "all");
        // DuckDB evaluates both arms of a CASE, so the truncation unit must be valid even for "all".
        parameters.Add("period_unit", interval?.ToString().ToLowerInvariant() ?? "day");
        parameters.Add("team", scope.Team);
        parameters.Add("service", scope.Service);
        parameters.Add("repo", scope.Repo);
        return parameters;
    }
}
