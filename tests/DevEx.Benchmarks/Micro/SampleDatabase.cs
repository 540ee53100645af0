using DevEx.Analytics.Derivations;
using DevEx.Benchmarks.Org;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Micro;

/// <summary>
/// The bundled sample-data/ (8 teams, 26 weeks up to 2026-11-23) imported and derived into a fresh temporary database,
/// with the server's services over it: what a micro-benchmark of a metric query reads.
/// </summary>
internal sealed class SampleDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-micro-" + Guid.NewGuid().ToString("N"));

    public SampleDatabase()
    {
        Directory.CreateDirectory(folder);
        Services = BenchDatabase.Fresh(Path.Combine(folder, "sample.duckdb"));
        new DirectoryImporter(Services.GetRequiredService<DuckDbDatabase>(), Services.GetRequiredService<IClock>(),
            Services.GetRequiredService<CalendarOptions>()).Import(SampleFolder);
        Services.GetRequiredService<DerivationRunner>().Run();
    }

    /// <summary>The sample's exclusive end date (generator.json: the generator's default).</summary>
    public static LocalDate Until { get; } = new SampleOrganisationOptions().EffectiveUntil;

    /// <summary>sample-data/ of the checkout this program was built in.</summary>
    public static string SampleFolder { get; } = Checkout.File("sample-data");

    public ServiceProvider Services { get; }

    public void Dispose()
    {
        Services.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
