using DevEx.Store.State;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Store.Tests.State;

/// <summary>Entries older than the retention are deleted with the first entry of a new day, and not before.</summary>
public sealed class AuditLogRetentionTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void The_first_entry_of_a_day_deletes_those_older_than_the_retention()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 10, 0));
        var log = new AuditLog(temporary.Database, clock);
        var retention = Duration.FromDays(30);
        log.Record("a", "admin", "first", 200, retention);             // 1 Jan 10:00
        clock.AdvanceDays(20);
        log.Record("a", "admin", "second", 200, retention);            // 21 Jan: nothing is 30 days old yet
        clock.AdvanceDays(11);
        log.Record("a", "admin", "third", 200, retention);             // 1 Feb 10:00, a new day: 'first' (31 days) goes

        var all = log.Query(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0), null, null, 100);
        Assert.Equal(["third", "second"], all.Select(e => e.Action));
        Assert.Equal(Instant.FromUtc(2026, 2, 1, 10, 0), all[0].OccurredAt);
    }
}
