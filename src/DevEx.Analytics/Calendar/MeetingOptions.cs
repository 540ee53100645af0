namespace DevEx.Analytics.Calendar;

/// <summary>The configurable parts of meeting load and focus time (configuration section <c>DevEx:Meetings</c>).</summary>
public sealed class MeetingOptions
{
    public const string Section = "DevEx:Meetings";

    /// <summary>A meeting-free working block at least this long is focus time; shorter ones are fragmented time.</summary>
    public TimeSpan FocusBlock { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Team figures are withheld when fewer people than this have a calendar in the window.</summary>
    public int MinCohort { get; set; } = 5;
}
