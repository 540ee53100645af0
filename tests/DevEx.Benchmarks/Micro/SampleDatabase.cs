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

    /// <summary>sample-data/ of the checkout this program was built in: the folder beside DevEx.sln, found by walking up.</summary>
    public static string SampleFolder { get; } = FindSampleFolder();

    public ServiceProvider Services { get; }

    public void Dispose()
    {
        Services.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string FindSampleFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DevEx.sln")))
            {
                return Path.Combine(directory.FullName, "sample-data");
            }
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds DevEx.sln (and sample-data/).");
    }
}
