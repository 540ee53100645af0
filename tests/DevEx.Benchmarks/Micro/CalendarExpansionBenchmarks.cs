using BenchmarkDotNet.Attributes;
using DevEx.Collectors.Calendar;
using NodaTime;

namespace DevEx.Benchmarks.Micro;

/// <summary>
/// One person's calendar of the bundled sample (stand-ups, 1:1s, moved and cancelled instances, all-hands) parsed and
/// expanded over the sample's 26 weeks: the per-file work of a calendar import, without the database.
/// Public and unsealed because BenchmarkDotNet derives from it.
/// </summary>
public class CalendarExpansionBenchmarks
{
    private string text = "";
    private string email = "";
    private Instant start;
    private Instant until;

    [GlobalSetup]
    public void Setup()
    {
        var file = Directory.GetFiles(Path.Combine(SampleDatabase.SampleFolder, "calendars"), "*.ics").Order(StringComparer.Ordinal).First();
        text = File.ReadAllText(file);
        email = Path.GetFileNameWithoutExtension(file);
        until = SampleDatabase.Until.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        start = until - Duration.FromDays(7 * 26);
    }

    [Benchmark]
    public int ExpandOnePersonHalfYear() => CalendarExpander.Expand(text, email + ".ics", [email], email, start, until, null).Occurrences.Count;
}
