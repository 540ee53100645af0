using DevEx.Store.Rows;
using DevEx.Store.Writing;

namespace DevEx.Collectors.RepositoryFiles;

/// <summary>
/// The collected files of one repository as a source read them: the current versions, the versions (commits that
/// changed a path), the blob texts, and the paths no longer present. Added to a <see cref="SourceBatch"/> to be written.
/// </summary>
public sealed record RepositoryFileHistory(
    IReadOnlyList<RepositoryFileRow> Current,
    IReadOnlyList<RepositoryFileVersionRow> Versions,
    IReadOnlyList<RepositoryFileContentRow> Contents,
    IReadOnlyList<RepositoryFileRemoval> Removed)
{
    public static readonly RepositoryFileHistory None = new([], [], [], []);

    public void AddTo(SourceBatch batch)
    {
        batch.RemovedRepositoryFiles.AddRange(Removed);
        batch.RepositoryFiles.AddRange(Current);
        batch.RepositoryFileVersions.AddRange(Versions);
        batch.RepositoryFileContents.AddRange(Contents);
    }
}
