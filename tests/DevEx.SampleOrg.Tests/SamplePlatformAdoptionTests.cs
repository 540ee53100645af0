using System.Text.Json;
using DevEx.Collectors.Import;
using NodaTime;
using NodaTime.Testing;
using static DevEx.SampleOrg.Tests.SampleData;

namespace DevEx.SampleOrg.Tests;

/// <summary>
/// The catalog's Group tree and the platform team's shared CI workflow (issue 15, item 7): who adopted it when, and the
/// Components a golden-path scorecard should find wanting.
/// </summary>
public sealed class SamplePlatformAdoptionTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    private const string SharedCi = "uses: acme/platform-ci/.github/workflows/build.yml@";

    [Fact]
    public void Groups_form_three_levels_with_the_platform_team_in_core()
    {
        // Two teams: payments (team 0) in commerce, checkout (team 1) in core with the platform team.
        var groups = fixture.Data.Groups;
        Assert.Contains("  name: acme\n  title: \"Acme\"\nspec:\n  type: organization\n", groups, StringComparison.Ordinal);
        Assert.Contains("  children: [commerce, core]\n", groups, StringComparison.Ordinal);
        Assert.Contains("  type: department\n  profile:\n    displayName: \"Commerce\"\n  parent: acme\n  children: [payments]\n", groups, StringComparison.Ordinal);
        Assert.Contains("  type: department\n  profile:\n    displayName: \"Core\"\n  parent: acme\n  children: [platform, checkout]\n", groups, StringComparison.Ordinal);
        Assert.Contains("    displayName: \"Payments\"\n  parent: commerce\n", groups, StringComparison.Ordinal);
        Assert.Contains("    displayName: \"Platform\"\n  parent: core\n", groups, StringComparison.Ordinal);
    }

    [Fact]
    public void Some_components_lack_a_description_or_techdocs_and_the_platform_owns_its_ci_library()
    {
        // Components numbered 0 payments-api, 1 payments-worker, 2 payments-web, 3 checkout (the legacy service has none):
        // number 2 (every 4th from the 3rd) has no TechDocs, number 3 (every 5th from the 4th) no description.
        var components = fixture.Data.Components.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        string Of(string name) => Assert.Single(components, c => c.Contains($"  name: {name}\n", StringComparison.Ordinal));
        Assert.DoesNotContain("techdocs-ref", Of("payments-web"), StringComparison.Ordinal);
        Assert.DoesNotContain("description:", Of("checkout"), StringComparison.Ordinal);
        Assert.Contains("techdocs-ref: \"dir:.\"", Of("payments-api"), StringComparison.Ordinal);
        Assert.Contains("  description: ", Of("payments-api"), StringComparison.Ordinal);
        Assert.Contains("  type: library\n  lifecycle: production\n  owner: platform\n", Of("platform-ci"), StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_bundled_sample_two_components_name_an_owner_that_is_no_group()
    {
        // Components 7 (identity-web) and 15 (billing) of the 17: every 8th from the 8th is owned by "growth".
        var folder = Path.Combine(RepositoryRoot.Path, "sample-data", "catalog");
        var components = File.ReadAllText(Path.Combine(folder, "components.yaml")).Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["billing", "identity-web"], components.Where(c => c.Contains("  owner: growth\n", StringComparison.Ordinal))
            .Select(c => c.Split('\n')[3]["  name: ".Length..]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("  name: growth\n", File.ReadAllText(Path.Combine(folder, "groups.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_four_repositories_one_never_adopts_one_did_before_the_window_and_two_inside_it()
    {
        // 4 repositories: round(4 * 3/16) = 1 never, max(1, round(4 * 2/16)) = 1 before the window, the other 2 inside
        // the three weeks [2026-11-02, 2026-11-23).
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var adopted = FirstAdoptions(Read(fixture.Directory));
        var repositories = fixture.Data.Repositories.Select(r => Str(r, "repo")).Where(r => r != "acme/platform-ci").ToList();
        Assert.Equal(4, repositories.Count);
        Assert.Single(repositories, r => !adopted.ContainsKey(r));
        Assert.Single(adopted.Values, at => at < start);
        Assert.Equal(2, adopted.Values.Count(at => at >= start && at < start.AddDays(21)));
    }

    [Fact]
    public void In_the_bundled_sample_three_never_adopt_two_did_before_the_window_and_eleven_at_different_weeks_inside_it()
    {
        // 16 team repositories: round(16 * 3/16) = 3 never, round(16 * 2/16) = 2 before 2026-05-25, 11 inside the window.
        var start = new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.Zero);
        var adopted = FirstAdoptions(Read(Path.Combine(RepositoryRoot.Path, "sample-data")));
        Assert.Equal(13, adopted.Count);
        Assert.Equal(2, adopted.Values.Count(at => at < start));
        var inside = adopted.Values.Where(at => at >= start).ToList();
        Assert.Equal(11, inside.Count);
        Assert.True(inside.Select(at => (at - start).Days / 7).Distinct().Count() >= 6, "adoption is spread over the weeks");
    }

    [Fact]
    public void The_fixture_files_import_without_a_reject_and_every_repository_has_its_current_ci_workflow()
    {
        using var db = TemporaryDatabase.Migrated();
        using var stream = File.OpenRead(Path.Combine(fixture.Directory, "repository_files.ndjson"));

        var summary = new NdjsonImporter(db.Database, new FakeClock(Instant.FromUtc(2026, 12, 1, 0, 0)))
            .Import(ImportKind.RepositoryFiles, stream, "repository_files.ndjson");

        Assert.Equal((fixture.Summary.RepositoryFileVersions, 0), (summary.Imported, summary.Rejected));
        using var connection = db.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM repository_files WHERE path LIKE '.github/workflows/%'";
        // Four team repositories with a ci.yml and platform-ci with its build.yml: five current workflows.
        Assert.Equal(5L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<JsonElement> Read(string directory) =>
        File.ReadLines(Path.Combine(directory, "repository_files.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    /// <summary>Per team repository, the first commit whose ci.yml calls the shared workflow (any version).</summary>
    private static Dictionary<string, DateTimeOffset> FirstAdoptions(List<JsonElement> versions) =>
        versions.Where(v => Str(v, "path") == ".github/workflows/ci.yml" && Str(v, "content").Contains(SharedCi, StringComparison.Ordinal))
            .GroupBy(v => Str(v, "repo"))
            .ToDictionary(g => g.Key, g => g.Min(v => Time(v, "committedAt")));
}
