using System.Text.Json;
using System.Text.RegularExpressions;
using DevEx.SampleOrg;
using NodaTime;

namespace DevEx.SampleOrg.Tests;

/// <summary>The sample is exactly the import format, reproducible, and inside its window.</summary>
public sealed partial class SampleFormatTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    private static readonly string[] DeploymentStatuses = ["success", "failure", "cancelled"];
    private static readonly string[] ReviewStates = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED"];
    private static readonly string?[] RunConclusions = ["success", "failure", "cancelled", "skipped", null];

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["repositories.ndjson"] = ["repo"],
        ["commits.ndjson"] = ["repo", "sha", "parents", "author", "authoredAt"],
        ["pull_requests.ndjson"] = ["repo", "number", "author", "createdAt"],
        ["pipeline_runs.ndjson"] = ["repo", "id", "workflow", "sha", "createdAt"],
        ["deployments.ndjson"] = ["id", "service", "environment", "sha", "finishedAt", "status"],
        ["incidents.ndjson"] = ["id", "service", "openedAt"],
    };

    private static readonly string[] TimestampFields =
    [
        "authoredAt", "committedAt", "createdAt", "readyAt", "mergedAt", "closedAt", "startedAt", "completedAt",
        "finishedAt", "openedAt", "resolvedAt", "requestedAt", "submittedAt",
    ];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();

    [Fact]
    public void Same_options_write_byte_identical_files()
    {
        var first = Path.Combine(Path.GetTempPath(), "devex-sample-a-" + Guid.NewGuid().ToString("N"));
        var second = Path.Combine(Path.GetTempPath(), "devex-sample-b-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SampleOrganisationOptions(Seed: 7, Teams: 3, Weeks: 2, EngineersPerTeam: 6);
            new SampleOrganisationGenerator().Write(first, options);
            new SampleOrganisationGenerator().Write(second, options);
            var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
            Assert.Contains("commits.ndjson", files);
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))),
                    $"{file} differs between two runs with the same options");
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Another_seed_writes_another_organisation()
    {
        var other = Path.Combine(Path.GetTempPath(), "devex-sample-c-" + Guid.NewGuid().ToString("N"));
        try
        {
            new SampleOrganisationGenerator().Write(other, SampleOrganisationFixture.Options with { Seed = 43 });
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(fixture.Directory, "commits.ndjson")),
                File.ReadAllBytes(Path.Combine(other, "commits.ndjson")));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Every_line_is_a_json_object_with_the_required_fields()
    {
        foreach (var (file, fields) in Required)
        {
            var lines = File.ReadAllLines(Path.Combine(fixture.Directory, file));
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                Assert.Equal(JsonValueKind.Object, root.ValueKind);
                foreach (var field in fields)
                {
                    Assert.True(root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null,
                        $"{file}: '{field}' missing in {line}");
                }
            }
        }
    }

    [Fact]
    public void Every_timestamp_has_an_offset_and_some_are_not_utc()
    {
        var offsets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Required.Keys)
        {
            foreach (var line in File.ReadLines(Path.Combine(fixture.Directory, file)))
            {
                using var document = JsonDocument.Parse(line);
                foreach (var text in Timestamps(document.RootElement))
                {
                    Assert.Matches(IsoWithOffset(), text);
                    offsets.Add(text[19..]);
                }
            }
        }
        Assert.Contains("Z", offsets);
        Assert.Contains("+05:30", offsets); // the showcase team's engineer in India commits in local time
        Assert.True(offsets.Count >= 4, string.Join(" ", offsets));
    }

    [Fact]
    public void Enumerated_fields_hold_known_values()
    {
        var data = fixture.Data;
        Assert.All(data.Deployments, d => Assert.Contains(SampleData.Str(d, "status"), DeploymentStatuses));
        Assert.All(data.PullRequests.SelectMany(p => p.GetProperty("reviews").EnumerateArray()),
            r => Assert.Contains(SampleData.Str(r, "state"), ReviewStates));
        Assert.All(data.PipelineRuns, r => Assert.Contains(SampleData.OptionalStr(r, "conclusion"),
            RunConclusions));
    }

    [Fact]
    public void Nothing_happens_at_or_after_the_end_date()
    {
        var until = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        foreach (var file in Required.Keys)
        {
            foreach (var line in File.ReadLines(Path.Combine(fixture.Directory, file)))
            {
                using var document = JsonDocument.Parse(line);
                Assert.All(Timestamps(document.RootElement), text =>
                    Assert.True(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) < until, line));
            }
        }
    }

    [Fact]
    public void Generator_settings_are_written_beside_the_data()
    {
        Assert.Equal("{\"seed\":42,\"teams\":2,\"weeks\":3,\"engineersPerTeam\":10,\"until\":\"2026-11-23\"}\n",
            File.ReadAllText(Path.Combine(fixture.Directory, "generator.json")));
        Assert.True(Directory.Exists(Path.Combine(fixture.Directory, "calendars")));
    }

    [Fact]
    public void Summary_counts_the_lines_written()
    {
        var summary = fixture.Summary;
        Assert.Equal(2, summary.Teams);
        Assert.Equal(fixture.Data.Commits.Count, summary.Commits);
        Assert.Equal(fixture.Data.PullRequests.Count, summary.PullRequests);
        Assert.Equal(fixture.Data.PipelineRuns.Count, summary.PipelineRuns);
        Assert.Equal(fixture.Data.Deployments.Count, summary.Deployments);
        Assert.Equal(fixture.Data.Incidents.Count, summary.Incidents);
        Assert.Equal(fixture.Data.Repositories.Count, summary.Repositories);
    }

    [Fact]
    public void Options_are_validated()
    {
        var generator = new SampleOrganisationGenerator();
        var directory = Path.Combine(Path.GetTempPath(), "devex-sample-never-" + Guid.NewGuid().ToString("N"));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Write(directory, new SampleOrganisationOptions(Teams: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Write(directory, new SampleOrganisationOptions(EngineersPerTeam: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            generator.Write(directory, new SampleOrganisationOptions(Until: new LocalDate(2026, 11, 24))));
        Assert.False(Directory.Exists(directory));
    }

    private static IEnumerable<string> Timestamps(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && TimestampFields.Contains(property.Name))
            {
                yield return property.Value.GetString()!;
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    foreach (var nested in Timestamps(item))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
