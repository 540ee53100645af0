using DevEx.Analytics.Time;
using NodaTime;

namespace DevEx.Reports.Weekly;

// Rows of the report's own queries (queries/report_*.sql), mapped by Dapper through the Instant type handler.

internal sealed class BlockedTicketRow
{
    public required string Key { get; init; }
    public string? Title { get; init; }
    public required string CurrentStatus { get; init; }
    public Instant BlockedSince { get; init; }
    public double BlockedHours { get; init; }
    public double ClosedWorkingHours { get; init; }
    public Instant? OpenSince { get; init; }
    public bool StillBlocked { get; init; }

    /// <summary>The ticket with its working hours: those of the intervals that ended by <paramref name="end"/>, plus the open one's up to it.</summary>
    public BlockedTicket ToRecord(WorkingHoursCalendar calendar, Instant end) => new(Key, Title, CurrentStatus, BlockedSince, BlockedHours,
        ClosedWorkingHours + (OpenSince is { } since ? calendar.WorkingHours(since, end) : 0), StillBlocked);
}

internal sealed class FreshnessRow
{
    public required string Source { get; init; }
    public required string Basis { get; init; }
    public Instant At { get; init; }

    public SourceFreshness ToRecord() => new(Source, Basis, At);
}
