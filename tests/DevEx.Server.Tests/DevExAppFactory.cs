using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Server.Tests;

/// <summary>
/// The whole service in memory over a throw-away database, with a fake clock. Seeding is off unless a sample
/// folder is given.
/// </summary>
public sealed class DevExAppFactory(Instant now, string? sampleData = null) : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    public FakeClock Clock { get; } = new(now);

    public string DatabasePath => Path.Combine(directory, "devex.duckdb");

    /// <summary>More configuration (key, value), applied when the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseSetting("DevEx:Database", DatabasePath);
        builder.UseSetting("DevEx:SeedSampleData", sampleData is null ? "false" : "true");
        builder.UseSetting("DevEx:SampleData", sampleData ?? "");
        builder.UseSetting("DevEx:WarmDashboards", "false"); // tests time and count their own requests
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock).AddTransient<IStartupFilter, Auth.InProcessRequestsAreLocal>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; the folder is unique to this factory.
        }
    }
}
