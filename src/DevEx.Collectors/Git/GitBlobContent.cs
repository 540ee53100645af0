using DevEx.Collectors.RepositoryFiles;
using DevEx.Store.Rows;
using LibGit2Sharp;

namespace DevEx.Collectors.Git;

/// <summary>A blob of a clone as stored text (<see cref="RepositoryFileContent"/>): its bytes are read only within the size cap.</summary>
internal static class GitBlobContent
{
    public static RepositoryFileContentRow Row(Blob blob, long maxFileBytes) =>
        RepositoryFileContent.Row(blob.Sha, blob.Size, maxFileBytes, () =>
        {
            using var stream = blob.GetContentStream();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        });
}
