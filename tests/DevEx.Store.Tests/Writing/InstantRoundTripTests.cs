using Dapper;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Store.Tests.Writing;

public sealed class InstantRoundTripTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void An_instant_written_from_an_odd_offset_reads_back_exactly()
    {
        // 14:37:21.123456 at +05:45 (Kathmandu) is 08:52:21.123456 UTC; DuckDB keeps microseconds.
        var written = new LocalDateTime(2026, 2, 2, 14, 37, 21).PlusNanoseconds(123_456_000)
            .WithOffset(Offset.FromHoursAndMinutes(5, 45)).ToInstant();
        var expected = Instant.FromUtc(2026, 2, 2, 8, 52, 21).PlusNanoseconds(123_456_000);

        using var connection = temporary.Database.Open();
        TableWriter.Upsert(connection, Tables.Deployments,
            [new DeploymentRow("d1", "api", null, "production", "abc123", null, written, "success", "test")]);

        Assert.Equal(expected, connection.ExecuteScalar<Instant>("SELECT finished_at FROM deployments"));
        Assert.Equal(expected, connection.Query<Instant>("SELECT finished_at FROM deployments").Single());
        Assert.Null(connection.ExecuteScalar<Instant?>("SELECT created_at FROM deployments"));
    }

    [Fact]
    public void An_instant_passed_as_a_parameter_matches_the_stored_value()
    {
        var instant = Instant.FromUtc(2026, 2, 2, 8, 52, 21);
        using var connection = temporary.Database.Open();
        TableWriter.Upsert(connection, Tables.Deployments,
            [new DeploymentRow("d1", "api", null, "production", "abc123", null, instant, "success", "test")]);

        Assert.Equal("d1", connection.ExecuteScalar<string>("SELECT id FROM deployments WHERE finished_at = $at", new { at = instant }));
    }
}
