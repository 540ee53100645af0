using NodaTime;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// One expanded calendar occurrence, exactly the columns of <c>calendar_occurrences</c>.
/// Privacy by design: there is no title, description, location or attendee name here, and there never should be.
/// </summary>
/// <param name="Id">Lowercase hex SHA-256 of person + UID + recurrence id (stable across re-imports).</param>
/// <param name="Response">accepted | tentative | declined | needs-action | delegated, or null when the person is not an attendee.</param>
/// <param name="AttendeeCount">Distinct attendee addresses, the organizer included.</param>
public sealed record CalendarOccurrence(
    string Id,
    string PersonId,
    Instant StartAt,
    Instant EndAt,
    int AttendeeCount,
    string? Response,
    bool IsRecurring,
    bool IsOrganizer,
    bool IsAllDay,
    bool IsTransparent,
    bool IsCancelled);

/// <summary>
/// Something in a calendar file that could not be understood; <paramref name="Where"/> is a UID or "line N" (an event
/// without UID), <paramref name="Line"/> the line it is on (the DTSTART's when that is what is wrong; 0 when unknown).
/// </summary>
public sealed record CalendarReject(string File, string Where, string Reason, int Line = 0);

/// <summary>
/// Events that were read but have no occurrence in the window: <see cref="Before"/> lie wholly before it (the earliest
/// starting at <see cref="EarliestStart"/>), <see cref="After"/> wholly after it.
/// </summary>
public sealed record EventsOutsideWindow(int Before, int After, Instant? EarliestStart)
{
    public static EventsOutsideWindow None { get; } = new(0, 0, null);
}

public sealed record CalendarExpansion(IReadOnlyList<CalendarOccurrence> Occurrences, IReadOnlyList<CalendarReject> Rejects)
{
    public EventsOutsideWindow Outside { get; init; } = EventsOutsideWindow.None;
}
