using System.Text;
using DevEx.Collectors.Git;
using DevEx.Collectors.Tests.Import;
using DevEx.Store.Reading;
using LibGit2Sharp;
using NodaTime;

namespace DevEx.Collectors.Tests.Git;

/// <summary>
/// import-git's repository files over a known history of acme/portal's main (real files of RoadieHQ/roadie-backstage-plugins,
/// see Fixtures/SOURCES.md; every commit at 10:00Z on a Monday of 2026):
/// <code>
///  A (wk 2, 01-05) ── B (wk 3, 01-12) ── C (wk 4, 01-19) ── M (wk 5, 01-26) ── D (wk 6, 02-02)
///                                         \               /
///                                          F (01-22) ────      F adds the Dockerfile; M merges it (parents [C, F])
/// </code>
/// A adds catalog-info.yaml, .github/workflows/pull-request.yml (the "before" blob ee61164e: <c>run: yarn install</c>),
/// package.json (3000 bytes, over the 2500-byte cap of these tests) and README.md (not collected). B changes only the
/// README. C changes the workflow to blob 2c2a8a70 (<c>uses: backstage/actions/yarn-install@v0.5.9</c>). D deletes the workflow.
/// </summary>
public sealed class GitRepositoryFilesTests : IDisposable
{
    private const string Workflow = ".github/workflows/pull-request.yml";
    private const string Before = "ee61164e95d439acdfcf90dc9faf4b276e9f1a99";   // upstream's blob (diff index ee61164e..2c2a8a70)
    private const string After = "2c2a8a708e81e3201f4f7b45ee3b8a60944f010c";
    private const string Catalog = "9562126bf6b922bd6100303caa2dfcc1c3758e16";  // git rev-parse ce2ebacd:catalog-info.yaml upstream

    private readonly ImportTestDatabase db = new();
    private readonly TestGitRepository git = new();
    private readonly Commit a, c, f, m, d;

    public GitRepositoryFilesTests()
    {
        var catalog = Fixture("roadie/catalog-info.yaml");
        var before = Fixture("roadie/pull-request.before.yml");
        var after = Fixture("roadie/pull-request.after.yml");
        var package = Encoding.UTF8.GetBytes("{\"name\":\"portal\",\"padding\":\"" + new string('x', 2970) + "\"}");
        Assert.Equal(3000, package.Length);
        var docker = Encoding.UTF8.GetBytes("FROM node:20\n");
        Dictionary<string, byte[]> Files(byte[]? workflow, string readme, bool dockerfile = false)
        {
            var files = new Dictionary<string, byte[]> { ["catalog-info.yaml"] = catalog, ["package.json"] = package, ["README.md"] = Encoding.UTF8.GetBytes(readme) };
            if (workflow is not null)
            {
                files[Workflow] = workflow;
            }
            if (dockerfile)
            {
                files["Dockerfile"] = docker;
            }
            return files;
        }
        a = git.CommitFiles("Add catalog and CI", Sign("2026-01-05"), [], Files(before, "v1"));
        var b = git.CommitFiles("Readme", Sign("2026-01-12"), [a], Files(before, "v2"));
        c = git.CommitFiles("Use the yarn-install action", Sign("2026-01-19"), [b], Files(after, "v2"));
        f = git.CommitFiles("Add a Dockerfile", Sign("2026-01-22"), [c], Files(after, "v2", dockerfile: true));
        m = git.CommitFiles("Merge branch 'docker'", Sign("2026-01-26"), [c, f], Files(after, "v2", dockerfile: true));
        d = git.CommitFiles("Drop the PR workflow", Sign("2026-02-02"), [m], Files(null, "v2", dockerfile: true));
        git.Ref("main", d);
    }

    public void Dispose()
    {
        git.Dispose();
        db.Dispose();
    }

    [Fact]
    public void The_versions_are_every_first_parent_commit_that_added_changed_or_deleted_a_collected_path()
    {
        var summary = Run();

        // A adds 3 collected paths (README.md is not one); B none; C the workflow; M the Dockerfile (first parent: the merge,
        // not F); D deletes the workflow. 6 versions; 3 files left at D.
        Assert.Equal((3, 6), (summary.Files, summary.FileVersions));
        var versions = db.Query<(string Path, string Commit, DateTime At, string? Blob)>(
            "SELECT path, commit_sha, committed_at, blob_sha FROM repository_file_versions ORDER BY committed_at, path");
        Assert.Equal(
        [
            (Workflow, a.Sha, Utc("2026-01-05"), Before),
            ("catalog-info.yaml", a.Sha, Utc("2026-01-05"), Catalog),
            ("package.json", a.Sha, Utc("2026-01-05"), versions[2].Blob),
            (Workflow, c.Sha, Utc("2026-01-19"), After),
            ("Dockerfile", m.Sha, Utc("2026-01-26"), versions[4].Blob),
            (Workflow, d.Sha, Utc("2026-02-02"), null),
        ], versions);
        Assert.DoesNotContain(versions, v => v.Commit == f.Sha);
    }

    [Fact]
    public void Current_files_carry_the_commit_that_brought_them_and_a_file_over_the_cap_has_its_size_and_no_content()
    {
        Run();

        var current = db.Query<(string Path, string Commit, long Size, bool HasContent, string? Omitted)>(
            "SELECT path, commit_sha, size, content IS NOT NULL, omitted FROM repository_files ORDER BY path");
        Assert.Equal(
        [
            ("Dockerfile", m.Sha, 13L, true, null),           // "FROM node:20\n" = 13 bytes
            ("catalog-info.yaml", a.Sha, 440L, true, null),    // the fixture's size
            ("package.json", a.Sha, 3000L, false, "over the size cap of 2500 bytes (DevEx:RepositoryFiles:MaxFileBytes)"),
        ], current);
        // 5 distinct blobs: catalog, before, after, package.json, Dockerfile; each kept once.
        Assert.Equal(5L, db.Count("repository_file_contents"));
    }

    [Fact]
    public void The_files_as_of_a_week_show_the_workflow_line_of_that_week()
    {
        Run();
        var reads = new RepositoryFileReads(db.Database);

        string? WorkflowAsOf(string day) => reads.AsOf("acme/portal", Instant.FromDateTimeUtc(Utc(day))).SingleOrDefault(x => x.Path == Workflow)?.Content;

        // Sunday of week 3: still the blob of A; of week 4: C's; of week 6: deleted by D.
        Assert.Contains("run: yarn install", WorkflowAsOf("2026-01-18"));
        Assert.DoesNotContain("yarn-install@", WorkflowAsOf("2026-01-18"));
        Assert.Contains("uses: backstage/actions/yarn-install@v0.5.9", WorkflowAsOf("2026-01-25"));
        Assert.Null(WorkflowAsOf("2026-02-08"));
        Assert.Equal(["Dockerfile", "catalog-info.yaml", "package.json"],
            reads.AsOf("acme/portal", Instant.FromDateTimeUtc(Utc("2026-02-08"))).Select(x => x.Path));
    }

    [Fact]
    public void The_catalog_file_is_imported_and_its_component_without_a_slug_belongs_to_the_repository()
    {
        var summary = Run();

        // The roadie file: Component roadie-backstage-plugins (no github.com/project-slug) and a Location whose two targets are globs.
        Assert.Equal(["roadie-backstage-plugins"], db.Query<string>("SELECT id FROM services"));
        Assert.Equal([("roadie-backstage-plugins", "acme/portal")], db.Query<(string, string)>("SELECT service_id, repo FROM service_repositories"));
        Assert.Equal((1, 1), (summary.Catalog.Files, summary.Catalog.LinkedServices));
        Assert.Equal(2, summary.Notes.Count(n => n.Contains("a glob", StringComparison.Ordinal)));
    }

    [Fact]
    public void Importing_again_after_the_workflow_was_deleted_removes_it_from_the_current_files_and_keeps_its_history()
    {
        git.Ref("main", m);
        Run();
        Assert.Contains(Workflow, db.Query<string>("SELECT path FROM repository_files"));

        git.Ref("main", d);
        Run();
        var second = Dump();
        Run();

        Assert.DoesNotContain(Workflow, db.Query<string>("SELECT path FROM repository_files"));
        Assert.Equal(3L, db.Scalar<long>($"SELECT count(*) FROM repository_file_versions WHERE path = '{Workflow}'")); // A, C, D
        Assert.Equal(second, Dump()); // a third run writes the same rows
    }

    private GitImportSummary Run() =>
        new GitCollector().Run(db.Database, db.Clock, new GitCollectorOptions(git.Path, "acme/portal") { Files = { MaxFileBytes = 2500 } });

    private string Dump() => string.Join('\n', db.Query<string>("""
        SELECT concat_ws('|', repo, path, blob_sha, commit_sha, size, omitted) FROM repository_files
        UNION ALL SELECT concat_ws('|', repo, path, commit_sha, committed_at, blob_sha) FROM repository_file_versions
        UNION ALL SELECT concat_ws('|', blob_sha, size, omitted) FROM repository_file_contents ORDER BY 1
        """));

    private static Signature Sign(string day) => TestGitRepository.Sign("Ann", "ann@example.com", day + "T10:00:00Z");

    private static DateTime Utc(string day) => DateTime.SpecifyKind(DateTime.Parse(day + "T10:00:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "repository-files", path));
}
