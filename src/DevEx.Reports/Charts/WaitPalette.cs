using DevEx.Analytics.Metrics;

namespace DevEx.Reports.Charts;

/// <summary>
/// The one colour of each wait (queries/wait_states.sql's names, and meetings) in every chart: the overview's hours per
/// period, the pull-request page's phases and the weekly report's "where time was lost". Okabe–Ito colours in
/// <see cref="WaitStateNames.ColourOrder"/> (the waits that usually account for most hours take the clearest fills);
/// meetings, ninth, take grey. Coding, a pull-request phase that is not a wait, has a colour no wait has.
/// </summary>
public static class WaitPalette
{
    public const string Meetings = "#7F7F7F";
    public const string Coding = "#8C564B";

    /// <summary>The colour of a wait by its name (<c>pr-pickup</c>), or null for a name that is not a wait.</summary>
    public static string? For(string wait) =>
        wait == "meetings" ? Meetings
        : WaitStateNames.ColourOrder.ToList().IndexOf(wait) is >= 0 and var index ? ChartPalette.Series[index] : null;

    /// <summary>The colour of a wait named by its label ("Waiting for first review"), or null.</summary>
    public static string? ForLabel(string label) =>
        WaitStateNames.ColourOrder.FirstOrDefault(w => WaitStateNames.Label(w) == label) is { } wait ? For(wait) : null;
}
