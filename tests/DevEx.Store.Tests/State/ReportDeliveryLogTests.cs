using DevEx.Store.State;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Store.Tests.State;

public sealed class ReportDeliveryLogTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 2, 9, 8, 0));

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Two_failures_then_a_success_is_one_row_of_three_attempts()
    {
        var log = new ReportDeliveryLog(temporary.Database, clock);

        log.RecordAttempt("core", "2026-W06", "email", delivered: false, 500, "server error");
        clock.AdvanceMinutes(10);
        log.RecordAttempt("core", "2026-W06", "email", delivered: false, 502, "bad gateway");
        Assert.Equal(["2026-W06"], log.Owed("core", "email", "2026-W01", "2026-W10"));
        clock.AdvanceMinutes(10);
        log.RecordAttempt("core", "2026-W06", "email", delivered: true, 200, null);

        var row = Assert.Single(log.List("core"));
        Assert.Equal(("delivered", 3, 200), (row.Status, row.Attempts, row.LastStatusCode));
        Assert.Null(row.LastError);
        // The first attempt's time stays; the last and the delivery are the third attempt's (08:20).
        Assert.Equal(Instant.FromUtc(2026, 2, 9, 8, 0), row.FirstAttemptAt);
        Assert.Equal(Instant.FromUtc(2026, 2, 9, 8, 20), row.LastAttemptAt);
        Assert.Equal(Instant.FromUtc(2026, 2, 9, 8, 20), row.DeliveredAt);
        Assert.True(log.IsDelivered("core", "2026-W06", "email"));
        Assert.Empty(log.Owed("core", "email", "2026-W01", "2026-W10"));
    }
}
