using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store;
using DuckDB.NET.Data;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// Writes a <see cref="GitHubBatch"/> as one <see cref="Store.Writing.SourceBatch"/>, with the same keys as the import:
/// a webhook, a REST poll and an import of the same object all end in one row.
/// </summary>
public sealed class GitHubRowWriter(DuckDbDatabase database)
{
    /// <summary>Writes the batch in one transaction; returns the rows written.</summary>
    public int Write(GitHubBatch batch)
    {
        batch.ToSourceBatch().Write(database);
        return batch.RowCount;
    }

    /// <summary>
    /// Writes the batch inside a caller's write; kept for the webhook processor, whose write moves onto
    /// <see cref="Store.Writing.SourceBatch"/> with the derivation queue (on the architecture test's allow-list until then).
    /// </summary>
    public static void Write(DuckDBConnection connection, GitHubBatch batch) => batch.ToSourceBatch().Write(connection);
}
