using System.Security.Cryptography;
using System.Text;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// One line of repository_files.ndjson: a version of a file, the commit that wrote it (<c>content</c>) or deleted it
/// (<c>deleted: true</c>). The blob sha is git's (sha-1 of <c>"blob {bytes}\0"</c> and the UTF-8 content), so a file
/// imported here and the same file read by import-git share one repository_file_contents row. The path's current row
/// (repository_files) is recomputed from all its stored versions when the batch is written.
/// </summary>
internal static class RepositoryFileVersionMapper
{
    public static void Map(string repo, JsonRecord record, SourceBatch batch, string source, Instant importedAt)
    {
        var path = Path(record.RequiredString("path"));
        var commit = record.RequiredString("commit");
        var committedAt = record.RequiredInstant("committedAt");
        var deleted = record.OptionalBool("deleted") ?? false;
        var content = record.OptionalString("content");
        if (deleted && content is not null)
        {
            throw new ImportLineException("field 'content' is given but 'deleted' is true (a deletion has no content)");
        }
        if (!deleted && content is null)
        {
            throw new ImportLineException("required field 'content' is missing (or 'deleted': true for a deletion)");
        }
        string? blob = null;
        if (content is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            blob = BlobSha(bytes);
            batch.RepositoryFileContents.Add(new RepositoryFileContentRow(blob, bytes.Length, content, null));
        }
        batch.RepositoryFileVersions.Add(new RepositoryFileVersionRow(repo, path, commit, committedAt, blob));
        batch.RefreshedRepositoryFiles.Add(new RepositoryFileRefresh(repo, path, importedAt, source));
    }

    /// <summary>Git's object id of a blob: sha-1 of the header "blob {length}\0" followed by the bytes.</summary>
    internal static string BlobSha(byte[] bytes)
    {
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
#pragma warning disable CA5350 // sha-1 is git's object id, not a security measure
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. bytes]));
#pragma warning restore CA5350
    }

    /// <summary>A path relative to the repository root, '/'-separated, with no empty, "." or ".." part.</summary>
    private static string Path(string path)
    {
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ImportLineException($"field 'path' must be relative to the repository root, '/'-separated, with no empty, '.' or '..' part, got '{path}'");
        }
        return path;
    }
}
