using NodaTime;
using NodaTime.Text;

namespace DevEx.Benchmarks.Org;

/// <summary>What every bench prints: the machine it ran on (and when, by the clock it was given), then a Markdown table.</summary>
internal sealed class BenchReport(TextWriter output)
{
    private static readonly InstantPattern Day = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd");
    private static readonly InstantPattern Minute = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'");

    public void Machine(IClock clock, bool withTime = false) =>
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, "
            + (withTime ? Minute : Day).Format(clock.GetCurrentInstant()));

    public void Line(string text = "") => output.WriteLine(text);

    public void Table(IEnumerable<(string Measure, string Result)> rows)
    {
        output.WriteLine();
        output.WriteLine("| measure | result |");
        output.WriteLine("| --- | --- |");
        foreach (var (measure, result) in rows)
        {
            Row(measure, result);
        }
    }

    public void Row(string measure, string result) => output.WriteLine($"| {measure} | {result} |");

    /// <summary>The first team id of the database (teams are sorted by id), the one the per-team timings ask for.</summary>
    public static string? FirstTeam(DevEx.Analytics.Metrics.OrgService org) => org.Teams().Select(t => t.Id).Order(StringComparer.Ordinal).FirstOrDefault();
}
