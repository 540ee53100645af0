using System.Text.Json;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Store;

/// <summary>What a backup folder holds besides DuckDB's export: the schema version it was taken at, and when.</summary>
public sealed record BackupManifest(string Format, int SchemaVersion, string CreatedAt, string Database)
{
    public const string FileName = "devex-backup.json";

    public const string FormatName = "devex-backup/1";
}

/// <summary>Why a backup cannot be taken or restored, in one line a person can act on.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
        : base("the backup failed") { }

    public BackupException(string message)
        : base(message) { }

    public BackupException(string message, Exception innerException)
        : base(message, innerException) { }
}

/// <summary>
/// Backup and restore of the one database file, through DuckDB's EXPORT / IMPORT DATABASE (schema.sql, load.sql and
/// a Parquet file per table) plus <see cref="BackupManifest"/>. The export runs under both write locks, so it sees one
/// committed state: no batch or derivation is half in it. A restore builds the new database in a temporary file next to
/// the target, migrates it to this binary's schema and checkpoints it, and only then renames it over the target, so a
/// crash leaves the old file or the new one, never a half-restored one.
/// </summary>
public static class DatabaseBackup
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <exception cref="BackupException">The folder exists and is not empty.</exception>
    public static BackupManifest Export(DuckDbDatabase database, string directory, Instant now)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new BackupException($"The backup folder {directory} is not empty: give a new or empty folder.");
        }
        database.DerivedWriteLock.Wait();
        database.WriteLock.Wait();
        try
        {
            using var connection = database.Open();
            var version = SchemaMigrator.CurrentVersion(connection);
            connection.Execute($"EXPORT DATABASE {Literal(Path.GetFullPath(directory))} (FORMAT PARQUET)");
            var manifest = new BackupManifest(BackupManifest.FormatName, version, InstantPattern.ExtendedIso.Format(now), database.Path);
            File.WriteAllText(Path.Combine(directory, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json));
            return manifest;
        }
        finally
        {
            database.WriteLock.Release();
            database.DerivedWriteLock.Release();
        }
    }

    /// <summary>Reads and checks a backup folder's manifest.</summary>
    /// <exception cref="BackupException">No manifest, an unreadable one, or one of a schema newer than this binary's.</exception>
    public static BackupManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{directory} is not a DevEx backup: it has no {BackupManifest.FileName} (made by devex backup).");
        }
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{path} is not a backup manifest: {e.Message}", e);
        }
        if (manifest is null || manifest.Format != BackupManifest.FormatName)
        {
            throw new BackupException($"{path} is not a backup manifest of format {BackupManifest.FormatName}.");
        }
        if (manifest.SchemaVersion > SchemaMigrator.LatestVersion)
        {
            throw new BackupException($"The backup has schema version {manifest.SchemaVersion}, newer than this DevEx's {SchemaMigrator.LatestVersion}: "
                + "restore it with the DevEx version that made it.");
        }
        return manifest;
    }

    /// <summary>
    /// Restores the backup in <paramref name="directory"/> into <paramref name="target"/>, migrating an older schema.
    /// Returns the migrations applied on top of the backup's schema.
    /// </summary>
    /// <exception cref="BackupException">The manifest refuses it (see <see cref="ReadManifest"/>), or DuckDB cannot load it.</exception>
    /// <exception cref="DatabaseInUseException">Another process (a running service) holds the target.</exception>
    public static IReadOnlyList<int> Restore(string directory, string target)
    {
        ReadManifest(directory);
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        RefuseHeld(full);
        var temporary = $"{full}.restoring-{Guid.NewGuid():N}";
        try
        {
            IReadOnlyList<int> applied;
            using (var database = new DuckDbDatabase(temporary))
            {
                using var connection = database.Open();
                try
                {
                    connection.Execute($"IMPORT DATABASE {Literal(Path.GetFullPath(directory))}");
                }
                catch (DuckDB.NET.Data.DuckDBException e)
                {
                    throw new BackupException($"The backup in {directory} cannot be loaded: {e.Message.Split('\n')[0].Trim()}", e);
                }
                applied = SchemaMigrator.Migrate(connection);
                connection.Execute("CHECKPOINT");
            }
            // Checked again just before the rename: the service may have started meanwhile.
            RefuseHeld(full);
            File.Move(temporary, full, overwrite: true);
            return applied;
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + ".wal");
        }
    }

    /// <summary>
    /// Opening the target takes DuckDB's lock (it fails while a service holds it) and closing it folds its write-ahead
    /// log into the file, so no old .wal is left to be replayed onto the restored file. A target DuckDB cannot open for
    /// another reason (a damaged file, often why one restores) is replaced whole: its log goes with it.
    /// </summary>
    private static void RefuseHeld(string target)
    {
        if (!File.Exists(target))
        {
            return;
        }
        try
        {
            new DuckDbDatabase(target).Dispose();
        }
        catch (DatabaseOpenException e) when (e is not DatabaseInUseException)
        {
            File.Delete(target + ".wal");
        }
    }

    /// <summary>EXPORT and IMPORT DATABASE take no parameters: the folder is a quoted SQL string literal.</summary>
    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
