using DevEx.Collectors.Import;

namespace DevEx.Collectors.Tests.Import;

public sealed class NdjsonRejectTests : IDisposable
{
    private const string Good1 = """{"id":"d1","service":"api","environment":"production","sha":"aaa","finishedAt":"2026-02-02T09:00:00Z","status":"success"}""";
    private const string InvalidJson = """{"id":"d2","service":""";
    private const string MissingSha = """{"id":"d3","service":"api","environment":"production","finishedAt":"2026-02-02T09:00:00Z","status":"success"}""";
    private const string NoOffset = """{"id":"d4","service":"api","environment":"production","sha":"ddd","finishedAt":"2026-02-02T09:00:00","status":"success"}""";
    private const string UnknownStatus = """{"id":"d5","service":"api","environment":"production","sha":"eee","finishedAt":"2026-02-02T09:00:00Z","status":"exploded"}""";
    private const string NotAnObject = "[1,2]";
    private const string Good2 = """{"id":"d6","service":"api","environment":"staging","sha":"fff","finishedAt":"2026-02-02T10:00:00Z","status":"failure"}""";

    // Line 5 is empty: skipped, neither imported nor rejected.
    private static readonly string File = string.Join('\n', Good1, InvalidJson, MissingSha, NoOffset, "", UnknownStatus, NotAnObject, Good2);

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Good_lines_are_imported_and_bad_ones_rejected_with_their_line_numbers()
    {
        var summary = db.Import(ImportKind.Deployments, File);

        Assert.Equal(2, summary.Imported);
        Assert.Equal(5, summary.Rejected);
        Assert.Equal([2, 3, 4, 6, 7], summary.Rejects.Select(r => r.Line));
        Assert.All(summary.Rejects, r => Assert.Equal("deployments.ndjson", r.File));
        Assert.Equal(["d1", "d6"], db.Query<string>("SELECT id FROM deployments ORDER BY id"));
    }

    [Fact]
    public void Each_reason_says_what_is_wrong()
    {
        var reasons = db.Import(ImportKind.Deployments, File).Rejects.ToDictionary(r => r.Line, r => r.Reason);

        Assert.StartsWith("invalid JSON", reasons[2]);
        Assert.Contains("'sha'", reasons[3]);
        Assert.Contains("'finishedAt'", reasons[4]);
        Assert.Contains("offset", reasons[4]);
        Assert.Contains("'status'", reasons[6]);
        Assert.Contains("exploded", reasons[6]);
        Assert.Contains("not a JSON object", reasons[7]);
    }

    [Fact]
    public void Rejects_are_stored_with_file_line_reason_and_content()
    {
        db.Import(ImportKind.Deployments, File);

        var rejects = db.Query<(string File, int Line, string Reason, string Content)>(
            "SELECT source_file, line, reason, content FROM import_rejects ORDER BY line");
        Assert.Equal([2, 3, 4, 6, 7], rejects.Select(r => r.Line));
        Assert.All(rejects, r => Assert.Equal("deployments.ndjson", r.File));
        Assert.Equal([InvalidJson, MissingSha, NoOffset, UnknownStatus, NotAnObject], rejects.Select(r => r.Content));
        Assert.Contains("'sha'", rejects[1].Reason);
    }

    [Fact]
    public void Importing_the_same_file_again_duplicates_neither_rows_nor_rejects()
    {
        db.Import(ImportKind.Deployments, File);
        var again = db.Import(ImportKind.Deployments, File);

        Assert.Equal(2, again.Imported);
        Assert.Equal(5, again.Rejected);
        Assert.Equal(2, db.Count("deployments"));
        Assert.Equal(5, db.Count("import_rejects"));
    }
}
