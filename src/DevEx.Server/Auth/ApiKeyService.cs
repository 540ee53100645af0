using DevEx.Store.Reading;
using NodaTime;

namespace DevEx.Server.Auth;

/// <summary>A key as an admin sees it in a list: never its secret nor its hash.</summary>
internal sealed record ApiKeySummary(
    string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, Instant CreatedAt, Instant ExpiresAt,
    Instant? RevokedAt, Instant? LastUsedAt, string Status, string? Person = null);

/// <summary>A key just created: <see cref="Key"/> is shown this once and stored only as a hash.</summary>
internal sealed record CreatedApiKey(string Key, ApiKeySummary Details);

/// <summary>Why a key was not created: the argument at fault (name, roles, teams, expiresInDays, person) and what to give instead.</summary>
internal sealed record ApiKeyError(string Parameter, string Detail);

/// <summary>Creating, listing, revoking and checking API keys: one place for the CLI, the API and the authentication handler.</summary>
internal sealed class ApiKeyService(ApiKeyStore store, IClock clock, Audit.AuditTrail audit, PersonDirectory people)
{
    public const int MaxDays = 3650;

    /// <summary>A use is written at most this often per key, so a busy client does not queue a write per request.</summary>
    public static readonly Duration UseRecordingInterval = Duration.FromMinutes(1);

    /// <summary>
    /// When this process last recorded each key's use: the stored last use is read from a snapshot that is renewed only
    /// after the write, so without this every request arriving meanwhile would write it again (and renew every snapshot).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Instant> recorded = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates a key, or says which argument is wrong (the error names it). <paramref name="person"/>: the catalog User
    /// the key belongs to (a User's name; it must be in the catalog), or null for a key for automation.
    /// </summary>
    public (CreatedApiKey? Created, ApiKeyError? Error) Create(string? name, IReadOnlyList<string> roles, IReadOnlyList<string> teams, int days,
        string? person = null)
    {
        var error = Validate(name, roles, teams, days);
        var user = string.IsNullOrWhiteSpace(person) ? null : people.ByName(person);
        if (error is null && person is not null && user is null)
        {
            error = new("person", $"'{person}' is no catalog User: give a User's name (metadata.name) from the imported catalog");
        }
        if (error is not null)
        {
            return (null, error);
        }
        var (id, key) = ApiKeyFormat.New();
        var now = clock.GetCurrentInstant();
        var record = new ApiKeyRecord(id, name!.Trim(), ApiKeyFormat.Hash(key), [.. roles.Distinct()], [.. teams.Select(t => t.Trim()).Distinct()],
            now, now + Duration.FromDays(days), null, null, user?.Id);
        store.Insert(record);
        return (new CreatedApiKey(key, Summary(record, now)), null);
    }

    public IReadOnlyList<ApiKeySummary> List()
    {
        var now = clock.GetCurrentInstant();
        return [.. store.All().Select(k => Summary(k, now))];
    }

    /// <summary>The key as revoked now; null when there is no such key or it already was revoked.</summary>
    public ApiKeySummary? Revoke(string id)
    {
        var now = clock.GetCurrentInstant();
        return store.Revoke(id, now) && store.Find(id) is { } revoked ? Summary(revoked, now) : null;
    }

    /// <summary>The key's record when it is valid now (and its use recorded); otherwise why not, in words for a log.</summary>
    public (ApiKeyRecord? Key, string? Failure) Authenticate(string presented)
    {
        var key = ApiKeyFormat.IdOf(presented) is { } id ? store.Find(id) : null;
        if (key is null || !ApiKeyFormat.Matches(presented, key.SecretHash))
        {
            return (null, "unknown API key");
        }
        var now = clock.GetCurrentInstant();
        if (key.RevokedAt is not null)
        {
            return (null, $"API key {key.Id} was revoked");
        }
        if (now >= key.ExpiresAt)
        {
            return (null, $"API key {key.Id} expired at {key.ExpiresAt}");
        }
        if ((key.LastUsedAt is not { } last || now - last >= UseRecordingInterval) && ClaimRecording(key.Id, now))
        {
            store.RecordUse(key.Id, now);
            audit.KeyUsed(key.Name);
        }
        return (key, null);
    }

    /// <summary>True for the one request that records the key's use in this interval; false for all others meanwhile.</summary>
    private bool ClaimRecording(string id, Instant now)
    {
        while (true)
        {
            if (!recorded.TryGetValue(id, out var previous))
            {
                if (recorded.TryAdd(id, now))
                {
                    return true;
                }
                continue;
            }
            if (now - previous < UseRecordingInterval)
            {
                return false;
            }
            if (recorded.TryUpdate(id, now, previous))
            {
                return true;
            }
        }
    }

    private static ApiKeyError? Validate(string? name, IReadOnlyList<string> roles, IReadOnlyList<string> teams, int days)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            return new("name", "give the key a name of 1 to 100 printable characters (what uses it, e.g. 'ci-import')");
        }
        if (roles.Count == 0)
        {
            return new("roles", $"give at least one role of {string.Join(", ", DevExRoles.All)}");
        }
        if (roles.FirstOrDefault(r => !DevExRoles.IsKnown(r)) is { } unknown)
        {
            return new("roles", $"'{unknown}' is not a role; roles are {string.Join(", ", DevExRoles.All)}");
        }
        if (teams.FirstOrDefault(t => string.IsNullOrWhiteSpace(t) || t.Any(char.IsControl)) is { } badTeam)
        {
            return new("teams", $"'{badTeam}' is not a team name");
        }
        if (days is < 1 or > MaxDays)
        {
            return new("expiresInDays", $"{days} is out of range; a key expires after 1 to {MaxDays} days");
        }
        return null;
    }

    private static ApiKeySummary Summary(ApiKeyRecord key, Instant now) => new(
        key.Id, key.Name, key.Roles, key.Teams, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt,
        key.RevokedAt is not null ? "revoked" : now >= key.ExpiresAt ? "expired" : "active", key.Person);
}
