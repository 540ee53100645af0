using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>A file of a folder listing: its repository path, blob sha and size.</summary>
internal sealed record GitHubListedFile(string Path, string Sha, long Size);

/// <summary>A file as the contents API returns it: its blob sha, size and bytes (none when GitHub sends no content, over 1 MB).</summary>
internal sealed record GitHubFile(string Sha, long Size, byte[]? Bytes);

/// <summary>
/// The contents API (<c>GET /repos/{owner}/{repo}/contents/{path}</c>), conditional like every GET: a folder's
/// listing and a file's content, on the default branch or at a commit (<c>ref</c>). A missing path is null, not an error.
/// </summary>
internal sealed class GitHubContents(IConnection connection, string repo)
{
    /// <summary>The files and subfolders of a folder ("" = the root); null when it does not exist (or the repository is empty).</summary>
    public async Task<(IReadOnlyList<GitHubListedFile> Files, IReadOnlySet<string> Folders)?> ListAsync(string folder, CancellationToken cancellationToken)
    {
        List<RepositoryContent> entries;
        try
        {
            entries = [];
            await foreach (var page in GitHubPages.Read<RepositoryContent>(connection, Url(folder), null, cancellationToken))
            {
                entries.AddRange(page.Items);
            }
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null; // a file where a folder was expected: the contents API answered with one object
        }
        var files = entries.Where(e => Is(e, "file")).Select(e => new GitHubListedFile(e.Path, e.Sha, e.Size)).ToList();
        var folders = entries.Where(e => Is(e, "dir")).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return (files, folders);
    }

    /// <summary>The file at <paramref name="path"/>, on the default branch or at commit <paramref name="at"/>; null when there is no file there.</summary>
    public async Task<GitHubFile?> ReadAsync(string path, string? at, CancellationToken cancellationToken)
    {
        RepositoryContent content;
        try
        {
            var parameters = at is null ? null : new Dictionary<string, string> { ["ref"] = at };
            (content, _, _, _, _) = await GitHubPages.ReadOne<RepositoryContent>(connection, new Uri(Url(path), UriKind.Relative), parameters, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null; // a folder (a list) or a submodule where a file was expected
        }
        if (!Is(content, "file"))
        {
            return null;
        }
        var bytes = string.Equals(content.Encoding, "base64", StringComparison.OrdinalIgnoreCase) && content.EncodedContent is { } encoded
            ? Convert.FromBase64String(encoded.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal))
            : null;
        return new GitHubFile(content.Sha, content.Size, bytes);
    }

    private string Url(string path) =>
        path.Length == 0 ? $"repos/{repo}/contents" : $"repos/{repo}/contents/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    private static bool Is(RepositoryContent content, string type) =>
        string.Equals(content.Type.StringValue, type, StringComparison.OrdinalIgnoreCase);
}
