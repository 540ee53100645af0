using DevEx.Store.Writing;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// Writes a <see cref="SourceBatch"/> as one <see cref="Store.Writing.SourceBatch"/>, with the same keys as the import:
/// a webhook, a REST poll and an import of the same object all end in one row.
/// </summary>
public sealed class GitHubRowWriter(DuckDbDatabase database)
{
    /// <summary>Writes the batch in one transaction; returns the rows written.</summary>
    public int Write(SourceBatch batch)
    {
        batch.Write(database);
        return batch.RowCount;
    }
}
