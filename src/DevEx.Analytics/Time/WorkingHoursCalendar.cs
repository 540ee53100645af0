using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Analytics.Time;

/// <summary>
/// Working time of a team (or person) in its own time zone: the part of a half-open interval [a, b) that falls
/// inside working hours on working days, holidays excluded. Each day's working span is mapped to instants through
/// the zone, so a DST change moves the span with the wall clock and a day keeps its nominal working hours except
/// where the local time itself is skipped or repeated.
/// </summary>
public sealed class WorkingHoursCalendar(DateTimeZone zone, WorkingWeek week, IReadOnlySet<LocalDate>? holidays = null)
{
    private readonly IReadOnlySet<LocalDate> holidays = holidays ?? new HashSet<LocalDate>();

    public static WorkingHoursCalendar Utc { get; } = new(DateTimeZone.Utc, WorkingWeek.Default);

    public DateTimeZone Zone => zone;

    /// <summary>
    /// A team's calendar, as the derivations measure its working hours: its zone (<see cref="TeamZone"/>), its working
    /// week (the default Mon–Fri 09:00–17:00 when unreadable) and the org's holidays.
    /// </summary>
    public static WorkingHoursCalendar ForTeam(string? timeZone, string? workingHours, IReadOnlySet<LocalDate> holidays) =>
        new(TeamZone.Resolve(timeZone), WorkingWeek.TryParse(workingHours, out var week, out _) ? week : WorkingWeek.Default, holidays);

    /// <summary>The same working week and holidays in another zone: a person who overrides their team's zone.</summary>
    public WorkingHoursCalendar InZone(DateTimeZone other) => new(other, week, holidays);

    public Duration WorkingDuration(Instant start, Instant end)
    {
        if (end <= start)
        {
            return Duration.Zero;
        }
        var total = Duration.Zero;
        var day = start.InZone(zone).Date.PlusDays(-1); // a span may start before midnight of the first local day
        var lastDay = end.InZone(zone).Date;
        for (; day <= lastDay; day = day.PlusDays(1))
        {
            var span = WorkingSpan(day);
            if (span is null)
            {
                continue;
            }
            var (spanStart, spanEnd) = span.Value;
            var overlapStart = spanStart > start ? spanStart : start;
            var overlapEnd = spanEnd < end ? spanEnd : end;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }
        return total;
    }

    public double WorkingHours(Instant start, Instant end) => WorkingDuration(start, end).TotalHours;

    /// <summary>The working span of a local date as instants, or null on a non-working day or holiday.</summary>
    public (Instant Start, Instant End)? WorkingSpan(LocalDate date)
    {
        if (holidays.Contains(date) || week.On(date.DayOfWeek) is not { } hours)
        {
            return null;
        }
        var localStart = date.At(hours.Start);
        var localEnd = localStart.Plus(hours.Length);
        // Lenient resolution: a skipped local time moves forward, a repeated one takes the earlier instant.
        return (zone.AtLeniently(localStart).ToInstant(), zone.AtLeniently(localEnd).ToInstant());
    }
}
