using LibGit2Sharp;

namespace DevEx.Collectors.Tests.Git;

/// <summary>
/// A throw-away git repository (deleted on Dispose) written through libgit2's object database, so every sha
/// depends only on the fixed signatures and messages below; HEAD names refs/heads/main whatever git's config says.
/// </summary>
internal sealed class TestGitRepository : IDisposable
{
    public TestGitRepository(bool bare = false)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "devex-tests", "git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Repository.Init(Path, bare);
        Repository = new Repository(Path);
        Repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    public string Path { get; }

    public Repository Repository { get; }

    /// <summary>A signature at an ISO time with its offset, e.g. "2026-02-02T10:00:00+02:00".</summary>
    public static Signature Sign(string name, string email, string at) => new(name, email, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A commit whose tree holds one file named after the message; committer = author unless given.</summary>
    public Commit Commit(string message, Signature author, Commit[] parents, Signature? committer = null)
    {
        var tree = new TreeDefinition();
        var blob = Repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message)));
        tree.Add(message.Split('\n')[0].Replace(' ', '-') + ".txt", blob, Mode.NonExecutableFile);
        return Repository.ObjectDatabase.CreateCommit(author, committer ?? author, message, Repository.ObjectDatabase.CreateTree(tree),
            parents, prettifyMessage: false);
    }

    /// <summary>A commit whose tree holds exactly <paramref name="files"/> (path → bytes, '/'-separated paths); committer = author.</summary>
    public Commit CommitFiles(string message, Signature author, Commit[] parents, IReadOnlyDictionary<string, byte[]> files)
    {
        var tree = new TreeDefinition();
        foreach (var (path, bytes) in files)
        {
            tree.Add(path, Repository.ObjectDatabase.CreateBlob(new MemoryStream(bytes)), Mode.NonExecutableFile);
        }
        return Repository.ObjectDatabase.CreateCommit(author, author, message, Repository.ObjectDatabase.CreateTree(tree), parents, prettifyMessage: false);
    }

    /// <summary>Points refs/heads/NAME (or any full ref name) at the commit.</summary>
    public void Ref(string name, Commit commit) =>
        Repository.Refs.Add(name.StartsWith("refs/", StringComparison.Ordinal) ? name : "refs/heads/" + name, commit.Id, allowOverwrite: true);

    public void Dispose()
    {
        Repository.Dispose();
        Delete(Path);
    }

    /// <summary>Deletes a folder git wrote: its object files are read-only, which Windows refuses to delete.</summary>
    public static void Delete(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
        Directory.Delete(path, recursive: true);
    }
}
