using NodaTime;

namespace DevEx.Store.Time;

/// <summary>
/// "Monday of this week", written once: ISO weeks run Monday to Sunday, so a date's week starts on the Monday on or
/// before it. Windows, series periods, person-weeks and the sample's shift all count weeks from here.
/// </summary>
public static class IsoWeekStart
{
    /// <summary>The Monday on or before <paramref name="date"/> (the date itself when it is a Monday).</summary>
    public static LocalDate Of(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
}
