using System.Reflection;
using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store;

/// <summary>
/// Applies the embedded Migrations/NNN_description.sql files in order, each in its own transaction, recording
/// every applied version in schema_version. A database made by an older DevEx is upgraded when it is opened.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>One migration. A migration that changes what the derivations write says <c>devex:rederive</c> in its SQL: an
    /// existing database it upgrades needs its derived tables rebuilt (see <see cref="DuckDbDatabase.DerivedTablesOutdated"/>).</summary>
    public sealed record Migration(int Version, string Description, string Sql)
    {
        public bool Rederives => Sql.Contains("devex:rederive", StringComparison.Ordinal);
    }

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public static int LatestVersion => Embedded[^1].Version;

    public static int CurrentVersion(DuckDBConnection connection)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)
            """);
        return connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0;
    }

    public static IReadOnlyList<int> Migrate(DuckDBConnection connection, IReadOnlyList<Migration>? migrations = null)
    {
        migrations ??= Embedded;
        var current = CurrentVersion(connection);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version VALUES ($version, $description, now())",
                new { version = migration.Version, description = migration.Description },
                transaction);
            transaction.Commit();
            applied.Add(migration.Version);
        }
        return applied;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "migrations/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Parse(assembly, name, name[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Parse(Assembly assembly, string resource, string fileName)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(stem[..separator], System.Globalization.CultureInfo.InvariantCulture);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return new Migration(version, stem[(separator + 1)..].Replace('_', ' '), reader.ReadToEnd());
    }
}
