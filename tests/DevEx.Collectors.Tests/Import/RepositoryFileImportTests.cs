using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// repository_files.ndjson: versions of files, their blobs (git's sha-1) and the current file per path. Blob shas are
/// the well-known git object ids (`printf 'hello world\n' | git hash-object --stdin` = 3b18e512…, the empty blob e69de29b…).
/// </summary>
public sealed class RepositoryFileImportTests : IDisposable
{
    private const string HelloBlob = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"; // "blob 12\0hello world\n"
    private const string EmptyBlob = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"; // "blob 0\0"

    // ci.yml: "hello world\n" at c1 (Mon 2 Feb), emptied at c2 (Mon 9 Feb), written newest first: order does not matter.
    // catalog-info.yaml: "hello world\n" at c1, deleted at c3 (Mon 16 Feb). Line 5 climbs out of the repository.
    private static readonly string[] Lines =
    [
        """{"repo":"acme/api","path":".github/workflows/ci.yml","commit":"c2","committedAt":"2026-02-09T09:00:00Z","content":""}""",
        """{"repo":"acme/api","path":".github/workflows/ci.yml","commit":"c1","committedAt":"2026-02-02T10:00:00+01:00","content":"hello world\n"}""",
        """{"repo":"acme/api","path":"catalog-info.yaml","commit":"c1","committedAt":"2026-02-02T09:00:00Z","content":"hello world\n"}""",
        """{"repo":"acme/api","path":"catalog-info.yaml","commit":"c3","committedAt":"2026-02-16T09:00:00Z","deleted":true}""",
        """{"repo":"acme/api","path":"../secrets.yml","commit":"c3","committedAt":"2026-02-16T09:00:00Z","content":"x"}""",
    ];

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Versions_blobs_and_the_newest_version_as_the_current_file()
    {
        var summary = db.Import(ImportKind.RepositoryFiles, Lines);

        Assert.Equal((4, 1), (summary.Imported, summary.Rejected));
        // Four versions; c1's two files share the "hello world\n" blob; c3 deleted catalog-info.yaml (no blob).
        Assert.Equal(
            [
                (".github/workflows/ci.yml", "c1", Utc(2, 9), HelloBlob), (".github/workflows/ci.yml", "c2", Utc(9, 9), EmptyBlob),
                ("catalog-info.yaml", "c1", Utc(2, 9), HelloBlob), ("catalog-info.yaml", "c3", Utc(16, 9), null),
            ],
            db.Query<(string, string, Instant, string?)>("SELECT path, commit_sha, committed_at, blob_sha FROM repository_file_versions ORDER BY path, commit_sha"));
        // Two blobs: 12 bytes of "hello world\n" and the empty file.
        Assert.Equal([(HelloBlob, 12L, "hello world\n"), (EmptyBlob, 0L, "")],
            db.Query<(string, long, string)>("SELECT blob_sha, size, content FROM repository_file_contents ORDER BY blob_sha"));
        // Current: ci.yml as of c2 (the newest, empty); catalog-info.yaml's newest version deleted it, so it has no row.
        Assert.Equal([("acme/api", ".github/workflows/ci.yml", EmptyBlob, "c2", Utc(9, 9), "", 0L, "import:repository_files.ndjson")],
            db.Query<(string, string, string, string, Instant, string, long, string)>(
                "SELECT repo, path, blob_sha, commit_sha, committed_at, content, size, source FROM repository_files"));
        Assert.Equal(db.Clock.GetCurrentInstant(), db.Scalar<Instant>("SELECT fetched_at FROM repository_files"));
    }

    [Fact]
    public void A_bad_line_is_rejected_with_its_line_and_reason_and_kept()
    {
        var summary = db.Import(ImportKind.RepositoryFiles, Lines);

        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(5, reject.Line);
        Assert.Contains("field 'path' must be relative", reject.Reason);
        Assert.Equal([("repository_files.ndjson", 5)], db.Query<(string, int)>("SELECT source_file, line FROM import_rejects"));
    }

    [Fact]
    public void Importing_twice_changes_nothing()
    {
        db.Import(ImportKind.RepositoryFiles, Lines);
        var second = db.Import(ImportKind.RepositoryFiles, Lines);

        Assert.Equal((4, 1), (second.Imported, second.Rejected));
        Assert.Equal((4L, 2L, 1L, 1L), (db.Count("repository_file_versions"), db.Count("repository_file_contents"),
            db.Count("repository_files"), db.Count("import_rejects")));
        Assert.Equal("c2", db.Scalar<string>("SELECT commit_sha FROM repository_files"));
    }

    [Fact]
    public void An_older_version_imported_later_does_not_replace_the_current_file()
    {
        db.Import(ImportKind.RepositoryFiles, Lines[0]);
        db.Import(ImportKind.RepositoryFiles, Lines[1]);

        // c2 (9 Feb) stays current over c1 (2 Feb), whichever came last.
        Assert.Equal((EmptyBlob, "c2"), db.Query<(string, string)>("SELECT blob_sha, commit_sha FROM repository_files").Single());
    }

    [Theory]
    [InlineData("""{"repo":"acme/api","path":"a.yml","commit":"c1","committedAt":"2026-02-02T09:00:00Z"}""", "'content' is missing")]
    [InlineData("""{"repo":"acme/api","path":"a.yml","commit":"c1","committedAt":"2026-02-02T09:00:00Z","content":"x","deleted":true}""", "'deleted' is true")]
    [InlineData("""{"repo":"acme/api","path":"a.yml","committedAt":"2026-02-02T09:00:00Z","content":"x"}""", "'commit'")]
    [InlineData("""{"repo":"acme/api","path":"a.yml","commit":"c1","content":"x"}""", "'committedAt'")]
    [InlineData("""{"repo":"acme","path":"a.yml","commit":"c1","committedAt":"2026-02-02T09:00:00Z","content":"x"}""", "'repo'")]
    [InlineData("""{"repo":"acme/api","path":"/a.yml","commit":"c1","committedAt":"2026-02-02T09:00:00Z","content":"x"}""", "'path'")]
    public void A_line_breaking_a_rule_is_rejected_naming_it(string line, string reason)
    {
        var summary = db.Import(ImportKind.RepositoryFiles, line);

        Assert.Contains(reason, Assert.Single(summary.Rejects).Reason);
        Assert.Equal(0, db.Count("repository_file_versions"));
    }

    [Fact]
    public void Seeding_shifts_committed_at_and_skips_versions_in_the_future()
    {
        // Shift one week, cut off at Mon 16 Feb 00:00: c1 (2 Feb) lands on 9 Feb, c2 (9 Feb) on 16 Feb 09:00 is in
        // the future and skipped, so ci.yml's current version is c1.
        var timing = new ImportTiming(Duration.FromDays(7), Instant.FromUtc(2026, 2, 16, 0, 0));

        var summary = db.Import(ImportKind.RepositoryFiles, string.Join('\n', Lines[..2]), timing);

        Assert.Equal((1, 1), (summary.Imported, summary.Skipped));
        Assert.Equal(("c1", Utc(9, 9)), db.Query<(string, Instant)>("SELECT commit_sha, committed_at FROM repository_files").Single());
    }

    private static Instant Utc(int day, int hour) => Instant.FromUtc(2026, 2, day, hour, 0);
}
