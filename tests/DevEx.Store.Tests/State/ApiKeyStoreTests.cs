using DevEx.Store.State;
using NodaTime;

namespace DevEx.Store.Tests.State;

public sealed class ApiKeyStoreTests : IDisposable
{
    private static readonly Instant Created = Instant.FromUtc(2026, 12, 7, 12, 0);

    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    private static ApiKeyRecord Key(string id, Instant created) =>
        new(id, $"key {id}", [0x01, 0xab, 0xff], ["admin", "viewer"], ["payments"], created, created + Duration.FromDays(90), null, null);

    [Fact]
    public void A_key_reads_back_as_written_and_the_list_is_newest_first()
    {
        var store = new ApiKeyStore(temporary.Database);
        store.Insert(Key("aaaaaaaaaaaa", Created));
        store.Insert(Key("bbbbbbbbbbbb", Created + Duration.FromHours(1)));

        var found = store.Find("aaaaaaaaaaaa")!;
        Assert.Equal("key aaaaaaaaaaaa", found.Name);
        Assert.Equal(new byte[] { 0x01, 0xab, 0xff }, found.SecretHash);
        Assert.Equal(["admin", "viewer"], found.Roles);
        Assert.Equal(["payments"], found.Teams);
        Assert.Equal(Instant.FromUtc(2027, 3, 7, 12, 0), found.ExpiresAt); // 90 days after 2026-12-07
        Assert.Null(found.RevokedAt);
        Assert.Null(store.Find("cccccccccccc"));
        Assert.Equal(["bbbbbbbbbbbb", "aaaaaaaaaaaa"], store.All().Select(k => k.Id));
    }

    [Fact]
    public void A_key_is_revoked_once_and_its_last_use_is_kept()
    {
        var store = new ApiKeyStore(temporary.Database);
        store.Insert(Key("aaaaaaaaaaaa", Created));
        store.RecordUse("aaaaaaaaaaaa", Created + Duration.FromMinutes(3));

        Assert.True(store.Revoke("aaaaaaaaaaaa", Created + Duration.FromMinutes(10)));
        Assert.False(store.Revoke("aaaaaaaaaaaa", Created + Duration.FromMinutes(20)));
        Assert.False(store.Revoke("cccccccccccc", Created));

        var found = store.Find("aaaaaaaaaaaa")!;
        Assert.Equal(Created + Duration.FromMinutes(3), found.LastUsedAt);
        Assert.Equal(Created + Duration.FromMinutes(10), found.RevokedAt);
    }
}
