using DevEx.SampleOrg;

namespace DevEx.SampleOrg.Tests;

/// <summary>The small sample every case test reads: two teams, three weeks (generated once, in well under a second).</summary>
public sealed class SampleOrganisationFixture : IDisposable
{
    public static readonly SampleOrganisationOptions Options = new(Seed: 42, Teams: 2, Weeks: 3);

    public SampleOrganisationFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "devex-sample-" + Guid.NewGuid().ToString("N"));
        Summary = new SampleOrganisationGenerator().Write(Directory, Options);
        Data = new SampleData(Directory);
    }

    public string Directory { get; }

    public SampleOrganisationSummary Summary { get; }

    public SampleData Data { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
