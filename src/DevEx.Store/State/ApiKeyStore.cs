using Dapper;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>
/// One row of api_keys: what a key may do and when it was used; never the key itself, only its hash. <see cref="Person"/>:
/// the catalog User the key belongs to (people.id), null for a key for automation.
/// </summary>
public sealed record ApiKeyRecord(
    string Id, string Name, byte[] SecretHash, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams,
    Instant CreatedAt, Instant ExpiresAt, Instant? RevokedAt, Instant? LastUsedAt, string? Person = null);

/// <summary>The API keys (api_keys): created, listed, revoked and their last use recorded.</summary>
public sealed class ApiKeyStore(DuckDbDatabase database)
{
    private const string Columns = "id, name, secret_hash, roles, teams, created_at, expires_at, revoked_at, last_used_at, person";

    public void Insert(ApiKeyRecord key) =>
        database.Write((connection, _) => connection.Execute(
            $"INSERT INTO api_keys ({Columns}) VALUES ($id, $name, $hash, $roles, $teams, $created, $expires, NULL, NULL, $person)",
            new
            {
                id = key.Id, name = key.Name, hash = Convert.ToHexStringLower(key.SecretHash), roles = string.Join('\n', key.Roles),
                teams = string.Join('\n', key.Teams), created = key.CreatedAt, expires = key.ExpiresAt, person = key.Person,
            }));

    /// <summary>
    /// The key of that id, from the keys read once per committed write (<see cref="DuckDbDatabase.WriteGeneration"/>):
    /// every request with a key looks it up, and a statement each cost more than the request's answer when kept. A
    /// revocation is a write, so the next lookup reads it.
    /// </summary>
    public ApiKeyRecord? Find(string id) => keys.Current.GetValueOrDefault(id);

    private readonly Reading.PerWriteSnapshot<Dictionary<string, ApiKeyRecord>> keys = new(database,
        connection => connection.Query<Row>($"SELECT {Columns} FROM api_keys").Select(Record).ToDictionary(k => k.Id, StringComparer.Ordinal));

    /// <summary>Every key, revoked and expired ones too, newest first.</summary>
    public IReadOnlyList<ApiKeyRecord> All()
    {
        using var connection = database.Open();
        return connection.Query<Row>($"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, id").Select(Record).ToList();
    }

    /// <summary>Revokes a key that is not revoked yet; false when there is no such key or it already was.</summary>
    public bool Revoke(string id, Instant at) =>
        database.Write((connection, _) =>
            connection.Execute("UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL", new { id, at }) == 1);

    public void RecordUse(string id, Instant at) =>
        database.Write((connection, _) => connection.Execute("UPDATE api_keys SET last_used_at = $at WHERE id = $id", new { id, at }));

    private static ApiKeyRecord Record(Row row) => new(
        row.Id, row.Name, Convert.FromHexString(row.SecretHash), Split(row.Roles), Split(row.Teams), row.CreatedAt, row.ExpiresAt, row.RevokedAt, row.LastUsedAt, row.Person);

    private static string[] Split(string value) => value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private sealed class Row
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required string SecretHash { get; init; }
        public required string Roles { get; init; }
        public required string Teams { get; init; }
        public Instant CreatedAt { get; init; }
        public Instant ExpiresAt { get; init; }
        public Instant? RevokedAt { get; init; }
        public Instant? LastUsedAt { get; init; }
        public string? Person { get; init; }
    }
}
