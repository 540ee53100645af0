using DevEx.Collectors.Import;

namespace DevEx.Collectors.Tests.Import;

/// <summary>What an import folder holds that the import does not read, and the name each misspelling misses.</summary>
public sealed class ImportFolderListingTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "devex-tests", "listing-" + Guid.NewGuid().ToString("N"))).FullName;

    private void Touch(string relativePath)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    [Theory]
    [InlineData("incident.ndjson", "incidents.ndjson")]
    [InlineData("Repositories.json", "repositories.ndjson")]
    [InlineData("pullrequests.ndjson", "pull_requests.ndjson")]
    [InlineData("pipeline-runs.jsonl", "pipeline_runs.ndjson")]
    [InlineData("commits.ndjson.gz", "commits.ndjson")]
    [InlineData("notes.txt", null)]
    [InlineData("people.ndjson", null)]
    public void A_misspelt_name_is_matched_to_the_file_it_misses(string name, string? expected) =>
        Assert.Equal(expected, ImportFolderListing.Closest(name, ImportKinds.All.Select(k => k.FileName()).ToList()));

    [Fact]
    public void Files_the_calendar_and_catalog_folders_do_not_read_are_listed_and_the_sample_s_extras_are_not()
    {
        // Read: deployments.ndjson, both calendars (.ics in any case), catalog/teams.yaml; passed over: README.md, generator.json.
        // Not read: catalog/people.json, calendars/cat@example.com.ical, the folder calendars/old/.
        Touch("deployments.ndjson");
        Touch("README.md");
        Touch("generator.json");
        Touch("calendars/ann@example.com.ics");
        Touch("calendars/Bob@example.com.ICS");
        Touch("calendars/cat@example.com.ical");
        Touch("calendars/old/cat@example.com.ics");
        Touch("catalog/teams.yaml");
        Touch("catalog/people.json");

        var notRead = ImportFolderListing.NotRead(folder);

        Assert.True(ImportFolderListing.HasImportable(folder));
        Assert.Equal([
            "catalog/people.json: catalog files end in .yaml or .yml",
            "calendars/cat@example.com.ical: calendar files are named <email>.ics",
            "calendars/old/: folders inside calendars/ are not read",
        ], notRead.Select(n => n.ToString()));
    }

    [Fact]
    public void A_folder_of_misspelt_names_has_nothing_importable()
    {
        Touch("incident.ndjson");
        Touch("catalogue/teams.yaml");

        Assert.False(ImportFolderListing.HasImportable(folder));
        Assert.Equal(["incidents.ndjson", "catalog/"], ImportFolderListing.NotRead(folder).Select(n => n.Suggestion));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
