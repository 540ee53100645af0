using DevEx.Store.State;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Store.Tests.State;

public sealed class SyncStateStoreTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 2, 9, 8, 0));

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void A_saved_cursor_replaces_the_previous_one_of_its_resource_only()
    {
        var store = new SyncStateStore(temporary.Database, clock);
        store.Set("github", "acme/api", "pulls", "2026-02-01T00:00:00Z", "\"e1\"");
        store.Set("github", "acme/api", "runs", "17");
        clock.AdvanceHours(1);

        store.Set("github", "acme/api", "pulls", "2026-02-08T00:00:00Z");

        Assert.Equal(("2026-02-08T00:00:00Z", (string?)null), store.GetWithETag("github", "acme/api", "pulls"));
        Assert.Equal("17", store.Get("github", "acme/api", "runs"));
        Assert.Null(store.Get("github", "acme/web", "pulls"));
        Assert.Equal(
            [("pulls", Instant.FromUtc(2026, 2, 9, 9, 0)), ("runs", Instant.FromUtc(2026, 2, 9, 8, 0))],
            store.All("github").Select(c => (c.Resource, c.UpdatedAt)));
    }

    [Fact]
    public void A_cursor_upserted_in_a_write_that_fails_is_not_saved()
    {
        var store = new SyncStateStore(temporary.Database, clock);
        store.Set("jira", "DEV", "issues", "page-1");

        Assert.Throws<InvalidOperationException>(() => temporary.Database.Write((connection, _) =>
        {
            SyncStateStore.Upsert(connection, "jira", "DEV", "issues", "page-2", null, clock.GetCurrentInstant());
            throw new InvalidOperationException("the rows of page 2 failed");
        }));

        Assert.Equal("page-1", store.Get("jira", "DEV", "issues"));
    }
}
