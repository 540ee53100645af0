using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

public sealed class TimestampOffsetTests : IDisposable
{
    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void The_same_moment_written_with_three_offsets_is_one_instant()
    {
        var summary = db.Import(ImportKind.Deployments,
            Deployment("plus-one", "2026-02-02T10:00:00+01:00"),
            Deployment("minus-five", "2026-02-02T04:00:00-05:00"),
            Deployment("zulu", "2026-02-02T09:00:00Z"));

        Assert.Equal(3, summary.Imported);
        var nineUtc = Instant.FromUtc(2026, 2, 2, 9, 0);
        Assert.Equal([nineUtc, nineUtc, nineUtc], db.Query<Instant>("SELECT finished_at FROM deployments ORDER BY id"));
    }

    private static string Deployment(string id, string finishedAt) =>
        $$"""{"id":"{{id}}","service":"api","environment":"production","sha":"abc","finishedAt":"{{finishedAt}}","status":"success"}""";
}
