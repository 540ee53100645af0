using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// A person's or team's working week (Mon–Fri, start–end local time in an IANA zone). Durations of human work are
/// added in working time, so a review requested on Friday afternoon is picked up on Monday, as it is in real data.
/// </summary>
internal sealed class WorkingHours
{
    public WorkingHours(string zoneId, LocalTime start, LocalTime end)
    {
        ZoneId = zoneId;
        Zone = DateTimeZoneProviders.Tzdb[zoneId];
        Start = start;
        End = end;
    }

    public string ZoneId { get; }

    public DateTimeZone Zone { get; }

    public LocalTime Start { get; }

    public LocalTime End { get; }

    /// <summary>The catalog annotation form, e.g. <c>Mon-Fri 09:00-17:00</c>.</summary>
    public string Annotation => $"Mon-Fri {Start.Hour:00}:{Start.Minute:00}-{End.Hour:00}:{End.Minute:00}";

    public Offset OffsetAt(Instant instant) => Zone.GetUtcOffset(instant);

    public Instant At(LocalDate date, LocalTime time) => Zone.AtLeniently(date + time).ToInstant();

    public LocalDate LocalDate(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>A random moment inside working hours on that local day.</summary>
    public Instant RandomMomentOn(LocalDate date, SamplePrng rng)
    {
        var seconds = (End.TickOfDay - Start.TickOfDay) / NodaConstants.TicksPerSecond;
        return At(date, Start.PlusSeconds(rng.Next((int)seconds)));
    }

    /// <summary>
    /// <paramref name="from"/> plus <paramref name="work"/> counted only inside working hours; work that starts
    /// outside them (a weekend commit) continues at the next working moment.
    /// </summary>
    public Instant AddWorking(Instant from, Duration work)
    {
        var local = from.InZone(Zone).LocalDateTime;
        var remaining = work;
        while (true)
        {
            if (IsWeekend(local.Date))
            {
                local = NextWorkingDay(local.Date) + Start;
                continue;
            }
            if (local.TimeOfDay < Start)
            {
                local = local.Date + Start;
            }
            if (local.TimeOfDay >= End)
            {
                local = NextWorkingDay(local.Date) + Start;
                continue;
            }
            var available = Duration.FromTicks(End.TickOfDay - local.TimeOfDay.TickOfDay);
            if (remaining <= available)
            {
                var result = Zone.AtLeniently(local.PlusTicks(remaining.BclCompatibleTicks)).ToInstant();
                // A DST jump can map the local result before the start; time never runs backwards.
                return result < from ? from + remaining : result;
            }
            remaining -= available;
            local = NextWorkingDay(local.Date) + Start;
        }
    }

    /// <summary>The next moment at or after <paramref name="from"/> that is inside working hours.</summary>
    public Instant NextWorkingMoment(Instant from) => AddWorking(from, Duration.Zero);

    public static bool IsWeekend(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static LocalDate NextWorkingDay(LocalDate date)
    {
        var next = date.PlusDays(1);
        while (IsWeekend(next))
        {
            next = next.PlusDays(1);
        }
        return next;
    }
}
