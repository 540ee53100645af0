using DevEx.Collectors.Calendar;
using NodaTime;

namespace DevEx.Collectors.Tests.Calendar;

/// <summary>Reads the copied ical fixtures and expands them for one person over a window.</summary>
internal static class IcalFixture
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ical");

    public static string Text(string path) => File.ReadAllText(Path.Combine(Directory, path));

    public static CalendarExpansion Expand(
        string path,
        LocalDate from,
        LocalDate to,
        IReadOnlyCollection<string>? identities = null,
        DateTimeZone? fallbackZone = null) =>
        ExpandText(Text(path), Path.GetFileName(path), from, to, identities, fallbackZone);

    public static CalendarExpansion ExpandText(
        string ics,
        string fileName,
        LocalDate from,
        LocalDate to,
        IReadOnlyCollection<string>? identities = null,
        DateTimeZone? fallbackZone = null) =>
        CalendarExpander.Expand(
            ics,
            fileName,
            identities ?? ["me@example.com"],
            "person-1",
            from.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            to.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            fallbackZone);

    public static Instant Utc(int year, int month, int day, int hour, int minute) => Instant.FromUtc(year, month, day, hour, minute);
}
