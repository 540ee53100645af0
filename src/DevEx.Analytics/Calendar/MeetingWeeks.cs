using NodaTime;
using DevEx.Analytics.Time;
using DevEx.Store.Time;

namespace DevEx.Analytics.Calendar;

/// <summary>One stored calendar occurrence of a person (calendar_occurrences).</summary>
internal sealed record CalendarOccurrence(string PersonId, Instant StartAt, Instant EndAt, int AttendeeCount, string? Response,
    bool IsAllDay, bool IsTransparent, bool IsCancelled)
{
    /// <summary>docs/metrics.md: not cancelled, not transparent, not all-day, not declined (tentative counts), 2+ attendees.</summary>
    public bool IsMeeting => !IsCancelled && !IsTransparent && !IsAllDay && AttendeeCount >= 2 && EndAt > StartAt
        && !string.Equals(Response?.Trim(), "declined", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One row of d_person_weeks: a person's meetings and focus inside the working hours of one ISO week.</summary>
internal sealed record PersonWeek(string PersonId, string? TeamId, LocalDate Week, double WorkingHours, double MeetingHours,
    double? MeetingLoad, double FocusHours, double FragmentedHours, int MeetingFreeDays, double LongestFocusHours);

/// <summary>
/// The per-week arithmetic of meeting load and focus time: meetings are merged into busy blocks, each working day's
/// span (in the person's calendar zone) is cut by them, and the meeting-free stretches left are focus time when at
/// least <c>FocusBlock</c> long, fragmented time otherwise.
/// </summary>
internal static class MeetingWeeks
{
    public static IReadOnlyList<PersonWeek> For(string personId, string? teamId, IReadOnlyList<CalendarOccurrence> occurrences,
        WorkingHoursCalendar calendar, Duration focusBlock)
    {
        if (occurrences.Count == 0)
        {
            return [];
        }
        var busy = Merge(occurrences.Where(o => o.IsMeeting).Select(o => (o.StartAt, o.EndAt)));
        return CoveredWeeks(occurrences, calendar.Zone).Select(week => Week(personId, teamId, week, busy, calendar, focusBlock)).ToList();
    }

    /// <summary>
    /// The ISO weeks (Mondays in <paramref name="zone"/>) the calendar has data for: those that some stored occurrence of
    /// any kind (a meeting, a declined or free one, an all-day event) overlaps. A week with none is a week no calendar
    /// covers (not imported, or a gap between two exports): it has no figure, where it would read 40 h of focus and 0 %.
    /// </summary>
    public static SortedSet<LocalDate> CoveredWeeks(IReadOnlyList<CalendarOccurrence> occurrences, DateTimeZone zone)
    {
        var weeks = new SortedSet<LocalDate>();
        foreach (var o in occurrences)
        {
            var first = IsoWeekStart.Of(o.StartAt.InZone(zone).Date);
            // The week of its last instant (an occurrence ending at Monday 00:00 does not reach that week).
            var last = IsoWeekStart.Of((o.EndAt > o.StartAt ? o.EndAt - Duration.Epsilon : o.StartAt).InZone(zone).Date);
            for (var week = first; week <= last; week = week.PlusWeeks(1))
            {
                weeks.Add(week);
            }
        }
        return weeks;
    }

    /// <summary>Overlapping or touching intervals merged into disjoint busy blocks, in order.</summary>
    public static List<(Instant Start, Instant End)> Merge(IEnumerable<(Instant Start, Instant End)> intervals)
    {
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var (start, end) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, end > merged[^1].End ? end : merged[^1].End);
            }
            else
            {
                merged.Add((start, end));
            }
        }
        return merged;
    }

    private static PersonWeek Week(string personId, string? teamId, LocalDate monday, List<(Instant Start, Instant End)> busy,
        WorkingHoursCalendar calendar, Duration focusBlock)
    {
        Duration working = Duration.Zero, meeting = Duration.Zero, focus = Duration.Zero, fragmented = Duration.Zero, longest = Duration.Zero;
        var meetingFreeDays = 0;
        for (var day = monday; day < monday.PlusWeeks(1); day = day.PlusDays(1))
        {
            if (calendar.WorkingSpan(day) is not { } span || span.End <= span.Start)
            {
                continue;
            }
            working += span.End - span.Start;
            var cursor = span.Start;
            var dayMeeting = Duration.Zero;
            foreach (var (start, end) in busy)
            {
                if (end <= span.Start || start >= span.End)
                {
                    continue;
                }
                var clippedStart = start > span.Start ? start : span.Start;
                var clippedEnd = end < span.End ? end : span.End;
                Free(clippedStart - cursor);
                dayMeeting += clippedEnd - clippedStart;
                cursor = clippedEnd;
            }
            Free(span.End - cursor);
            meeting += dayMeeting;
            if (dayMeeting == Duration.Zero)
            {
                meetingFreeDays++;
            }
        }
        return new PersonWeek(personId, teamId, monday, working.TotalHours, meeting.TotalHours,
            working > Duration.Zero ? meeting.TotalHours / working.TotalHours : null, focus.TotalHours, fragmented.TotalHours,
            meetingFreeDays, longest.TotalHours);

        void Free(Duration gap)
        {
            if (gap <= Duration.Zero)
            {
                return;
            }
            if (gap >= focusBlock)
            {
                focus += gap;
                longest = gap > longest ? gap : longest;
            }
            else
            {
                fragmented += gap;
            }
        }
    }
}
