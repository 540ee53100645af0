using System.Text;
using Dapper;
using DevEx.Collectors.Sync;
using DevEx.Collectors.Tests.GitHub.Http;
using DevEx.Store.Reading;
using NodaTime;

namespace DevEx.Collectors.Tests.GitHub.Collector;

/// <summary>
/// The GitHub sync's repository files through the contents API, on <see cref="CollectorScenario"/>'s acme/api with a
/// root holding catalog-info.yaml (a Location naming catalog/artist-lookup-component.yaml, Backstage's own example, and
/// a URL) and .github/workflows/pull-request.yml, RoadieHQ's real workflow: commit w1 (2026-01-05) added it with
/// <c>run: yarn install</c>, w2 (2026-02-20) changed that to <c>uses: backstage/actions/yarn-install@v0.5.9</c>.
/// The sync's history starts 365 days before 2026-03-01 12:00, at 2025-03-01T12:00:00Z.
/// </summary>
public sealed class GitHubRepositoryFilesTests
{
    private const string Workflow = ".github/workflows/pull-request.yml";
    private const string Component = "catalog/artist-lookup-component.yaml";
    private const string Since = "2025-03-01T12:00:00Z";

    private static readonly string Before = FakeGitHubServer.Fixture("repository-files/roadie/pull-request.before.yml");
    private static readonly string After = FakeGitHubServer.Fixture("repository-files/roadie/pull-request.after.yml");
    private static readonly string ArtistLookup = FakeGitHubServer.Fixture("repository-files/backstage/artist-lookup-component.yaml");

    private const string CatalogInfo = """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata:
          name: api
        spec:
          targets:
            - ./catalog/artist-lookup-component.yaml
            - https://github.com/acme/shared/blob/main/catalog-info.yaml
        """;

    [Fact]
    public async Task First_sync_collects_the_files_with_their_history_and_imports_the_catalog_the_Location_names()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        Register(harness.Server);
        var notes = new List<string>();

        await CollectorScenario.Collector(harness).RunAsync(new LineProgress(notes.Add), CancellationToken.None);

        using var connection = harness.Database.Open();
        var current = connection.Query<(string Path, string BlobSha, string CommitSha)>(
            "SELECT path, blob_sha, commit_sha FROM repository_files WHERE repo = 'acme/api' ORDER BY path").ToList();
        Assert.Equal([(Workflow, "wf2", "w2"), ("catalog-info.yaml", "cat1", "k1"), (Component, "art1", "k1")], current);
        var versions = connection.Query<(string CommitSha, DateTime CommittedAt, string BlobSha)>(
            "SELECT commit_sha, committed_at, blob_sha FROM repository_file_versions WHERE path = $Workflow ORDER BY committed_at", new { Workflow }).ToList();
        Assert.Equal([("w1", new DateTime(2026, 1, 5, 9, 0, 0), "wf1"), ("w2", new DateTime(2026, 2, 20, 9, 0, 0), "wf2")],
            versions.Select(v => (v.CommitSha, v.CommittedAt.ToUniversalTime(), v.BlobSha)).ToList());
        var reads = new RepositoryFileReads(harness.Database);
        Assert.Equal(Before, reads.AsOf("acme/api", Instant.FromUtc(2026, 2, 1, 0, 0)).Single(f => f.Path == Workflow).Content);
        Assert.Equal(After, reads.AsOf("acme/api", Instant.FromUtc(2026, 2, 21, 0, 0)).Single(f => f.Path == Workflow).Content);
        Assert.Empty(reads.AsOf("acme/api", Instant.FromUtc(2026, 1, 1, 0, 0)));

        var entities = connection.Query<(string EntityRef, string Source)>("SELECT entity_ref, source FROM catalog_entities ORDER BY entity_ref").ToList();
        // The Location itself is followed, not stored (a catalog kind DevEx keeps no figure of).
        Assert.Equal([("component:default/artist-lookup", $"github:acme/api/{Component}")], entities);
        Assert.Equal(["artist-lookup"], connection.Query<string>("SELECT service_id FROM service_repositories WHERE repo = 'acme/api'").ToList());
        Assert.Contains(notes, n => n.Contains("https://github.com/acme/shared/blob/main/catalog-info.yaml' not followed: a URL", StringComparison.Ordinal));
        // Folders that are not there are never asked for (CODEOWNERS' .github is; deploy/, docs/ and the rest are not in the root).
        Assert.DoesNotContain(harness.Server.Requests, r => r.Status == 404);
    }

    [Fact]
    public async Task An_unchanged_resync_reads_the_folders_and_catalog_files_conditionally_and_no_history()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        Register(harness.Server);
        var collector = CollectorScenario.Collector(harness);
        await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        harness.Server.ClearRequests();

        var outcome = await collector.RunAsync(new Progress<string>(), CancellationToken.None);

        var contents = harness.Server.Requests.Where(r => r.Path.Contains("/contents", StringComparison.Ordinal)).Select(r => r.Path).Order().ToList();
        // The root, .github and .github/workflows listings; catalog-info.yaml and the file its Location names.
        Assert.Equal(["/repos/acme/api/contents", "/repos/acme/api/contents/.github", "/repos/acme/api/contents/.github/workflows",
            "/repos/acme/api/contents/catalog-info.yaml", $"/repos/acme/api/contents/{Component}"], contents);
        Assert.All(harness.Server.Requests, r => Assert.Equal(304, r.Status));
        Assert.Equal(0L, outcome.RowsWritten);
    }

    [Fact]
    public async Task A_deleted_workflow_reads_only_the_commits_since_the_newest_stored_version_and_leaves_the_current_files()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        Register(harness.Server);
        var server = harness.Server;
        // The second sync: w3 (2026-02-28) deleted the workflow.
        server.Get($"/repos/acme/api/contents/.github/workflows", body: Listing(("pull-request.yml", Workflow, "wf2", After.Length)), etag: "\"workflows-1\"")
            .Then(200, body: "[]", etag: "\"workflows-2\"");
        server.Get($"/repos/acme/api/commits?path={Workflow}&since={Since}", body: Commits(("w2", "2026-02-20T09:00:00Z"), ("w1", "2026-01-05T09:00:00Z")))
            .Then(200, body: Commits(("w3", "2026-02-28T09:00:00Z"), ("w2", "2026-02-20T09:00:00Z"), ("w1", "2026-01-05T09:00:00Z")));
        var collector = CollectorScenario.Collector(harness);
        await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        server.ClearRequests();

        await collector.RunAsync(new Progress<string>(), CancellationToken.None);

        Assert.Equal(["w3"], server.Requests.Where(r => r.Path.EndsWith(Workflow, StringComparison.Ordinal)).Select(r => r.Query.GetValueOrDefault("ref")).ToList());
        using var connection = harness.Database.Open();
        Assert.Equal(["catalog-info.yaml", Component], connection.Query<string>("SELECT path FROM repository_files ORDER BY path").ToList());
        Assert.Equal([("w1", "wf1"), ("w2", "wf2"), ("w3", null)], connection.Query<(string, string?)>(
            "SELECT commit_sha, blob_sha FROM repository_file_versions WHERE path = $Workflow ORDER BY committed_at", new { Workflow }).ToList());
        var reads = new RepositoryFileReads(harness.Database);
        Assert.Equal(After, reads.AsOf("acme/api", Instant.FromUtc(2026, 2, 27, 0, 0)).Single(f => f.Path == Workflow).Content);
        Assert.DoesNotContain(reads.AsOf("acme/api", Instant.FromUtc(2026, 3, 1, 0, 0)), f => f.Path == Workflow);
    }

    [Fact]
    public async Task A_deleted_catalog_file_takes_the_entities_it_led_to_out_of_the_catalog()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        Register(harness.Server);
        var server = harness.Server;
        // The second sync: k9 (2026-02-27) deleted catalog-info.yaml, so its Location no longer leads to the component file.
        server.Get("/repos/acme/api/contents", body: """
            [{"type":"file","name":"catalog-info.yaml","path":"catalog-info.yaml","sha":"cat1","size":260},
             {"type":"file","name":"README.md","path":"README.md","sha":"f1","size":8},
             {"type":"dir","name":".github","path":".github","sha":"t2","size":0},
             {"type":"dir","name":"catalog","path":"catalog","sha":"t3","size":0}]
            """, etag: "\"root-1\"").Then(200, body: """
            [{"type":"file","name":"README.md","path":"README.md","sha":"f1","size":8},
             {"type":"dir","name":".github","path":".github","sha":"t2","size":0},
             {"type":"dir","name":"catalog","path":"catalog","sha":"t3","size":0}]
            """, etag: "\"root-2\"");
        server.Get($"/repos/acme/api/commits?path=catalog-info.yaml&since={Since}", body: Commits(("k1", "2026-01-10T09:00:00Z")))
            .Then(200, body: Commits(("k9", "2026-02-27T09:00:00Z"), ("k1", "2026-01-10T09:00:00Z")));
        var collector = CollectorScenario.Collector(harness);
        await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        var notes = new List<string>();

        await collector.RunAsync(new LineProgress(notes.Add), CancellationToken.None);

        using var connection = harness.Database.Open();
        Assert.Equal([Workflow], connection.Query<string>("SELECT path FROM repository_files ORDER BY path").ToList());
        Assert.Empty(connection.Query<string>("SELECT entity_ref FROM catalog_entities").ToList());
        Assert.Contains(notes, n => n.Contains("component:default/artist-lookup", StringComparison.Ordinal));
    }

    /// <summary>acme/api's lists, its folders, files and their histories (each file's "until" list is empty: it was added within the history).</summary>
    private static void Register(FakeGitHubServer server)
    {
        CollectorScenario.Register(server);
        server.Get("/repos/acme/api/contents", body: """
            [{"type":"file","name":"catalog-info.yaml","path":"catalog-info.yaml","sha":"cat1","size":260},
             {"type":"file","name":"README.md","path":"README.md","sha":"f1","size":8},
             {"type":"dir","name":".github","path":".github","sha":"t2","size":0},
             {"type":"dir","name":"catalog","path":"catalog","sha":"t3","size":0}]
            """, etag: "\"root\"");
        server.Get("/repos/acme/api/contents/.github", body: """[{"type":"dir","name":"workflows","path":".github/workflows","sha":"t4","size":0}]""", etag: "\"github\"");
        server.Get("/repos/acme/api/contents/.github/workflows", body: Listing(("pull-request.yml", Workflow, "wf2", After.Length)), etag: "\"workflows-1\"");
        server.Get("/repos/acme/api/contents/catalog-info.yaml", body: File("catalog-info.yaml", "cat1", CatalogInfo), etag: "\"cat1\"");
        server.Get($"/repos/acme/api/contents/{Component}", body: File(Component, "art1", ArtistLookup), etag: "\"art1\"");
        server.Get($"/repos/acme/api/contents/catalog-info.yaml?ref=k1", body: File("catalog-info.yaml", "cat1", CatalogInfo), etag: "\"cat1-k1\"");
        server.Get($"/repos/acme/api/contents/{Component}?ref=k1", body: File(Component, "art1", ArtistLookup), etag: "\"art1-k1\"");
        server.Get($"/repos/acme/api/contents/{Workflow}?ref=w1", body: File(Workflow, "wf1", Before), etag: "\"wf1\"");
        server.Get($"/repos/acme/api/contents/{Workflow}?ref=w2", body: File(Workflow, "wf2", After), etag: "\"wf2\"");
        server.Get($"/repos/acme/api/commits?path=catalog-info.yaml&since={Since}", body: Commits(("k1", "2026-01-10T09:00:00Z")));
        server.Get($"/repos/acme/api/commits?path={Component}&since={Since}", body: Commits(("k1", "2026-01-10T09:00:00Z")));
        server.Get($"/repos/acme/api/commits?path={Workflow}&since={Since}", body: Commits(("w2", "2026-02-20T09:00:00Z"), ("w1", "2026-01-05T09:00:00Z")));
        server.Get($"/repos/acme/api/commits?until={Since}", body: "[]");
    }

    private static string Listing(params (string Name, string Path, string Sha, int Size)[] files) =>
        "[" + string.Join(",", files.Select(f => $$"""{"type":"file","name":"{{f.Name}}","path":"{{f.Path}}","sha":"{{f.Sha}}","size":{{f.Size}}}""")) + "]";

    /// <summary>The contents API's answer for a file: its text in base64, broken into lines of 60 as GitHub sends it.</summary>
    private static string File(string path, string sha, string text)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var lines = string.Join("\\n", base64.Chunk(60).Select(c => new string(c)));
        return $$"""{"type":"file","name":"{{path[(path.LastIndexOf('/') + 1)..]}}","path":"{{path}}","sha":"{{sha}}","size":{{Encoding.UTF8.GetByteCount(text)}},"encoding":"base64","content":"{{lines}}"}""";
    }

    private static string Commits(params (string Sha, string At)[] commits) =>
        "[" + string.Join(",", commits.Select(c => $$"""{"sha":"{{c.Sha}}","commit":{"author":{"name":"Ann","email":"ann@example.com","date":"{{c.At}}"},"committer":{"name":"Ann","email":"ann@example.com","date":"{{c.At}}"},"message":"change"},"parents":[]}""")) + "]";
}
