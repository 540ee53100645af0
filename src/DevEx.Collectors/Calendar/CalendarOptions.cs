namespace DevEx.Collectors.Calendar;

/// <summary>Configuration section <c>DevEx:Calendar</c>: the rolling window and the feeds to fetch.</summary>
public sealed class CalendarOptions
{
    public const string Section = "DevEx:Calendar";

    /// <summary>How many weeks before now occurrences are expanded.</summary>
    public int WeeksBack { get; set; } = 26;

    /// <summary>How many weeks after now occurrences are expanded.</summary>
    public int WeeksAhead { get; set; } = 4;

    /// <summary>Per person (email) an iCalendar feed URL (a Google or Outlook "secret address"). Never logged.</summary>
    public Dictionary<string, string> Feeds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cron (UTC) of the recurring feed fetch.</summary>
    public string Schedule { get; set; } = "30 * * * *";

    /// <summary>Zone for floating times when the calendar names none (else the person's zone, else UTC).</summary>
    public string? FallbackTimeZone { get; set; }
}
