using System.Reflection;
using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store;

/// <summary>
/// Applies the embedded Migrations/NNN_description.sql files in order, each in its own transaction, recording
/// every applied version in schema_version. A database made by an older DevEx is upgraded when it is opened.
/// Every version not yet applied is applied, in version order, also one numbered below the highest applied (two
/// branches each adding a migration); a database holding a version this binary does not know was written by a newer
/// DevEx and is refused (<see cref="DatabaseOpenException"/>), since this binary's code would misread its tables.
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

    /// <exception cref="DatabaseOpenException">The database has a version none of <paramref name="migrations"/> has.</exception>
    public static IReadOnlyList<int> Migrate(DuckDBConnection connection, IReadOnlyList<Migration>? migrations = null)
    {
        migrations ??= Embedded;
        CurrentVersion(connection); // creates schema_version on a new database
        var done = connection.Query<int>("SELECT version FROM schema_version ORDER BY version").ToHashSet();
        RefuseUnknown(done, migrations);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => !done.Contains(m.Version)).OrderBy(m => m.Version))
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

    private static void RefuseUnknown(HashSet<int> done, IReadOnlyList<Migration> migrations)
    {
        var unknown = done.Except(migrations.Select(m => m.Version)).Order().ToList();
        if (unknown.Count == 0)
        {
            return;
        }
        var known = migrations.Count == 0 ? "none" : $"{migrations.Min(m => m.Version)} to {migrations.Max(m => m.Version)}";
        throw new DatabaseOpenException(
            $"it has schema version{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}, which this DevEx does not know (it knows {known}): "
            + "a newer DevEx wrote it. Run that version, or a copy of the database from before the upgrade.");
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
