using System.Text.Json;
using DevEx.SampleOrg;
using DevEx.Server.Hosting;
using NodaTime;

namespace DevEx.Server.Tests.Hosting;

/// <summary>The bundled sample is seeded into an empty database so that its last week is the current week.</summary>
public sealed class SampleSeedingTests : IDisposable
{
    private readonly string sample = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"), "sample");

    public SampleSeedingTests() => new SampleOrganisationGenerator().Write(sample, new SampleOrganisationOptions(Seed: 3, Teams: 2, Weeks: 3));

    [Theory]
    [InlineData("2026-11-25T12:00:00Z", 7)]  // Wednesday of the week after the sample's last: one week on
    [InlineData("2026-11-23T00:00:00Z", 7)]  // the Monday that week starts
    [InlineData("2026-11-22T23:59:00Z", 0)]  // still the sample's own last week
    [InlineData("2027-03-10T12:00:00Z", 112)] // 16 weeks on
    [InlineData("2026-06-03T12:00:00Z", -168)] // a clock before the sample: Mon 2026-06-08 is 24 weeks before 11-23
    public void Shift_moves_the_last_sample_week_onto_the_current_week_by_whole_weeks(string now, int days)
    {
        var instant = NodaTime.Text.InstantPattern.ExtendedIso.Parse(now).Value;
        var timing = SampleSeeder.Timing(sample, instant);
        Assert.Equal(Duration.FromDays(days), timing.Shift);
        Assert.Equal(instant, timing.NotAfter);
    }

    [Fact]
    public async Task Default_views_are_not_empty_and_nothing_lies_in_the_future()
    {
        var now = Instant.FromUtc(2027, 3, 10, 12, 0);
        using var factory = new DevExAppFactory(now, sample);
        var client = factory.CreateClient();

        var dora = JsonDocument.Parse(await client.GetStringAsync("/api/v1/metrics/dora")).RootElement;
        // The default window is the 12 full weeks before the current week (from Mon 2027-03-08): 84 days back.
        Assert.Equal("2026-12-14", dora.GetProperty("from").GetString());
        Assert.True(dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32() > 0);
        Assert.True(dora.GetProperty("changeLeadTime").GetProperty("sampleSize").GetInt32() > 0);

        var thisWeek = JsonDocument.Parse(await client.GetStringAsync("/api/v1/deployments?from=2027-03-08&to=2027-03-15")).RootElement;
        Assert.True(thisWeek.GetArrayLength() > 0, "the sample's last week is the current week");
        Assert.All(thisWeek.EnumerateArray(), d =>
            Assert.True(NodaTime.Text.InstantPattern.ExtendedIso.Parse(d.GetProperty("finishedAt").GetString()!).Value <= now));
    }

    [Fact]
    public void The_bundled_sample_marks_the_drafts_still_open_at_its_end()
    {
        // A draft the generator left open at the sample's end has "draft": true and no readyAt (regenerated with
        // `devex sample --out sample-data`); one that became ready has its readyAt and no flag.
        var pulls = File.ReadLines(Path.Combine(RepositoryRoot.Path, "sample-data", "pull_requests.ndjson"))
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var drafts = pulls.Where(p => p.TryGetProperty("draft", out var draft) && draft.GetBoolean()).ToList();
        Assert.NotEmpty(drafts);
        Assert.All(drafts, p => Assert.False(p.TryGetProperty("readyAt", out _) || p.TryGetProperty("mergedAt", out _) || p.TryGetProperty("closedAt", out _)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(sample)!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
