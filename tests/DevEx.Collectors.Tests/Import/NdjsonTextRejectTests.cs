using System.Text;
using DevEx.Collectors.Import;

namespace DevEx.Collectors.Tests.Import;

/// <summary>Lines that are not text, or hold times the database cannot keep: rejected with the line and the field.</summary>
public sealed class NdjsonTextRejectTests : IDisposable
{
    private const string Good = """{"id":"d1","service":"api","environment":"production","sha":"a1","finishedAt":"2026-02-02T09:00:00Z","status":"success"}""";

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Invalid_bytes_in_a_key_name_are_invalid_utf8_at_their_line_not_a_missing_field()
    {
        // Line 2 is Good with 0xC3 0x28 inside the name "id": '{' '"' 'i' are bytes 1-3, so 0xC3 is byte 4.
        var broken = Encoding.UTF8.GetBytes(Good.Replace("d1", "d2"));
        broken = [.. broken[..3], 0xC3, 0x28, .. broken[3..]];
        var file = new MemoryStream([.. Encoding.UTF8.GetBytes(Good + "\n"), .. broken, (byte)'\n', .. Encoding.UTF8.GetBytes(Good.Replace("d1", "d3"))]);

        var summary = new NdjsonImporter(db.Database, db.Clock).Import(ImportKind.Deployments, file, "deployments.ndjson");

        Assert.Equal(2, summary.Imported);
        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(2, reject.Line);
        Assert.Equal("invalid UTF-8 at byte 4 (0xC3) of the line; the file must be UTF-8", reject.Reason);
        Assert.Equal(["d1", "d3"], db.Query<string>("SELECT id FROM deployments ORDER BY id"));
    }

    [Fact]
    public void A_lone_surrogate_escape_names_its_field()
    {
        var summary = db.Import(ImportKind.Deployments, Good, Good.Replace("d1", "d2").Replace("\"api\"", "\"x\\ud800\""));

        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(2, reject.Line);
        Assert.StartsWith("field 'service' is not valid text", reject.Reason);
    }

    [Theory]
    // 9999-12-31T23:59:59-14:00 is 10000-01-01T13:59:59Z: past the last instant NodaTime and DateTime hold.
    [InlineData("9999-12-31T23:59:59-14:00", false)]
    // 0001-01-01T00:00:00+14:00 is 0000-12-31T10:00:00Z: before the first DateTime.
    [InlineData("0001-01-01T00:00:00+14:00", false)]
    // Valid instants, but outside [1970-01-01, 9999-01-01] UTC, the range of a metric window.
    [InlineData("0001-01-01T00:00:00Z", false)]
    [InlineData("9999-12-31T23:59:59Z", false)]
    [InlineData("1969-12-31T23:59:59Z", false)]
    [InlineData("1970-01-01T00:59:59+01:00", false)] // 1969-12-31T23:59:59Z
    [InlineData("9999-01-01T00:00:01Z", false)]
    [InlineData("1970-01-01T01:00:00+01:00", true)] // exactly 1970-01-01T00:00:00Z
    [InlineData("1969-12-31T23:00:00-01:00", true)] // also exactly 1970-01-01T00:00:00Z
    [InlineData("9999-01-01T00:00:00Z", true)]
    [InlineData("9998-12-31T23:00:00-01:00", true)] // 9999-01-01T00:00:00Z
    public void Timestamps_outside_1970_to_9999_are_rejected_naming_the_field(string finishedAt, bool imported)
    {
        var summary = db.Import(ImportKind.Deployments, Good.Replace("2026-02-02T09:00:00Z", finishedAt));

        Assert.Equal(imported ? 1 : 0, summary.Imported);
        if (!imported)
        {
            Assert.Equal(
                $"field 'finishedAt' has timestamp '{finishedAt}', which lies outside 1970-01-01 to 9999-01-01 in UTC",
                Assert.Single(summary.Rejects).Reason);
        }
    }

    [Theory]
    [InlineData(ImportKind.PipelineRuns, "pipeline_runs", "workflow", """{"repo":"acme/api","id":"ID","workflow":"ci","sha":"c1","createdAt":"2026-02-02T09:00:00Z"}""")]
    [InlineData(ImportKind.Incidents, "incidents", "title", """{"id":"ID","service":"api","openedAt":"2026-02-02T10:00:00Z","title":"Down"}""")]
    [InlineData(ImportKind.Tickets, "tickets", "title", """{"key":"ID","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z","title":"Fix"}""")]
    public void A_10_MB_line_between_two_others_is_imported_with_both(ImportKind kind, string table, string field, string template)
    {
        // 3 lines, the middle one 10 MB (longer than the reader's 1 MB buffer): 3 imported, 0 rejected, 3 rows.
        var huge = new string('x', LineMutator.HugeLength);
        var middle = System.Text.Json.Nodes.JsonNode.Parse(template.Replace("ID", "two"))!;
        middle[field] = huge;
        var summary = db.Import(kind, template.Replace("ID", "one"), middle.ToJsonString(), template.Replace("ID", "three"));

        Assert.Equal((3, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(3, db.Count(table));
        Assert.Equal(LineMutator.HugeLength, db.Scalar<long>($"SELECT max(length({field})) FROM {table}"));
    }
}
