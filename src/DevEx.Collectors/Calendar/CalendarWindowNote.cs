using NodaTime;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// What a folder's calendars had outside the window, in words: a calendar whose events all lie before it imports nothing
/// and rejects nothing, which without this note looks like an empty file.
/// </summary>
public static class CalendarWindowNote
{
    /// <summary>The note, or null when every event had an occurrence in the window.</summary>
    public static string? Describe(IReadOnlyList<ExpandedCalendar> calendars, Instant now, CalendarOptions options)
    {
        var before = calendars.Where(c => c.Outside.Before > 0).ToList();
        var after = calendars.Where(c => c.Outside.After > 0).ToList();
        if (before.Count == 0 && after.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (before.Count > 0)
        {
            var events = before.Sum(c => c.Outside.Before);
            var earliest = before.Min(c => c.Outside.EarliestStart!.Value);
            var weeks = (int)Math.Ceiling((now - earliest).TotalDays / 7);
            parts.Add($"{Events(events)} in {Files(before.Count)} {(events == 1 ? "lies" : "lie")} wholly before the window ({options.WeeksBack} weeks back), "
                + $"the earliest starting {earliest.InUtc().Date:yyyy-MM-dd}: to import {(events == 1 ? "it" : "them")}, run again with "
                + $"--calendar-weeks-back {weeks} or set DevEx:Calendar:WeeksBack to {weeks}");
        }
        if (after.Count > 0)
        {
            var events = after.Sum(c => c.Outside.After);
            parts.Add($"{Events(events)} in {Files(after.Count)} {(events == 1 ? "lies" : "lie")} wholly after the window "
                + $"({options.WeeksAhead} weeks ahead): set DevEx:Calendar:WeeksAhead to reach them");
        }
        return "calendars: " + string.Join("; ", parts) + ".";
    }

    private static string Events(int n) => n == 1 ? "1 event" : $"{n} events";

    private static string Files(int n) => n == 1 ? "1 file" : $"{n} files";
}
