using BenchmarkDotNet.Attributes;
using DevEx.Analytics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Micro;

/// <summary>
/// The DORA questions of issue 13 item 9 (one team, a few weeks; its monthly series; org-wide) on the bundled sample,
/// in process: what a request costs before HTTP and JSON. Public and unsealed because BenchmarkDotNet derives from it.
/// </summary>
public class DoraQueryBenchmarks : IDisposable
{
    private SampleDatabase? sample;
    private DoraMetricsService dora = null!;
    private MetricScope team = MetricScope.Org;
    private MetricWindow fourWeeks = null!;
    private MetricWindow halfYear = null!;

    [GlobalSetup]
    public void Setup()
    {
        sample = new SampleDatabase();
        dora = sample.Services.GetRequiredService<DoraMetricsService>();
        var first = sample.Services.GetRequiredService<OrgService>().Teams()[0].Id;
        team = new MetricScope(Team: first);
        fourWeeks = new MetricWindow(SampleDatabase.Until.PlusWeeks(-4), SampleDatabase.Until, DateTimeZone.Utc);
        halfYear = new MetricWindow(SampleDatabase.Until.PlusWeeks(-26), SampleDatabase.Until, DateTimeZone.Utc);
    }

    [Benchmark]
    public DoraMetrics OneTeamFourWeeks() => dora.Get(fourWeeks, team);

    [Benchmark]
    public object OneTeamMonthlySeriesHalfYear() => dora.Series(halfYear, team, MetricInterval.Month);

    [Benchmark]
    public DoraMetrics OrgWideHalfYear() => dora.Get(halfYear, MetricScope.Org);

    [GlobalCleanup]
    public void Dispose()
    {
        sample?.Dispose();
        sample = null;
        GC.SuppressFinalize(this);
    }
}
