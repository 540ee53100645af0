using DevEx.Collectors.GitHub.Mapping;
using DevEx.Collectors.RepositoryFiles;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;
using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// A repository's collected files (<see cref="RepositoryFilesOptions"/>) through the contents API, with their history.
/// <list type="number">
/// <item>The folders holding collected files are listed, each only when its parent's listing shows it (no request
/// for a folder that is not there); an unchanged folder is a 304.</item>
/// <item>The root catalog files are read and their Locations' targets followed (<see cref="CatalogLocationFollower"/>).</item>
/// <item>A path whose blob differs from the stored one, or that is gone, has its history read: the commits that touched
/// it (<c>commits?path=</c>, newest first, within the sync's history and down to the newest version stored), plus the
/// one in effect when the history starts, each version's blob by the contents API at that commit (a 404 there: the
/// commit deleted it). The versions are written and the current file recomputed from them.</item>
/// <item>When a catalog file changed, the catalog files are imported (source <c>github:owner/name/path</c>).</item>
/// </list>
/// An unchanged repository costs one conditional request per listed folder and per catalog file, all 304s.
/// </summary>
internal sealed class GitHubRepositoryFileSync(
    IConnection connection, string repo, RepositoryFilesOptions options, DuckDbDatabase database, GitHubRowWriter writer, IClock clock,
    Instant historyStart, IProgress<string> progress)
{
    /// <summary>Why a blob within the cap has no text: the contents API sends none for files over 1 MB.</summary>
    private const string NoContentSent = "no content from GitHub's contents API (it sends none for files over 1 MB)";

    private readonly GitHubContents contents = new(connection, repo);
    private readonly Dictionary<string, (IReadOnlyList<GitHubListedFile> Files, IReadOnlySet<string> Folders)?> listings = new(StringComparer.Ordinal);

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var patterns = RepositoryFilePatterns.From(options);
        var now = clock.GetCurrentInstant();
        var present = new Dictionary<string, string>(StringComparer.Ordinal); // path → blob sha on the default branch
        foreach (var folder in patterns.Folders)
        {
            if (await ListingAsync(folder, cancellationToken) is { } listing)
            {
                foreach (var file in listing.Files.Where(f => patterns.Matches(f.Path)))
                {
                    present[file.Path] = file.Sha;
                }
            }
        }
        var (catalog, catalogShas) = await CatalogAsync(present, cancellationToken);
        foreach (var target in catalog.Files.Where(f => f.Depth > 0))
        {
            present[target.Path] = catalogShas[target.Path];
        }
        foreach (var note in catalog.Notes)
        {
            progress.Report($"{repo}: {note}");
        }

        var reads = new RepositoryFileReads(database);
        var stored = reads.Current(repo);
        var newestVersions = reads.NewestVersionCommits(repo);
        var touched = present.Where(p => !stored.TryGetValue(p.Key, out var file) || file.BlobSha != p.Value).Select(p => p.Key)
            .Concat(stored.Keys.Where(path => !present.ContainsKey(path)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (touched.Count == 0)
        {
            return 0;
        }
        var batch = new SourceBatch();
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in touched)
        {
            await HistoryAsync(path, newestVersions.GetValueOrDefault(path), batch, blobs, cancellationToken);
            if (present.ContainsKey(path))
            {
                batch.RefreshedRepositoryFiles.Add(new RepositoryFileRefresh(repo, path, now, GitHubMapping.Source));
            }
            else
            {
                batch.RemovedRepositoryFiles.Add(new RepositoryFileRemoval(repo, path));
            }
        }
        var rows = (long)writer.Write(batch);
        if (touched.Any(path => catalog.Files.Any(f => f.Path == path)) || touched.Any(RepositoryFilePatterns.IsCatalogFile))
        {
            var imported = new RepositoryCatalogImport(database, clock).Import(repo, "github:", catalog with { Notes = [] });
            progress.Report($"{repo}: {imported.Files} catalog files, {imported.Imported} entities imported, {imported.Rejected} rejected");
            foreach (var note in imported.Notes)
            {
                progress.Report($"{repo}: {note}");
            }
            rows += imported.Imported;
        }
        return rows;
    }

    /// <summary>A folder's listing, read once per sync; a subfolder only when its parent lists it.</summary>
    private async Task<(IReadOnlyList<GitHubListedFile> Files, IReadOnlySet<string> Folders)?> ListingAsync(string folder, CancellationToken cancellationToken)
    {
        if (listings.TryGetValue(folder, out var known))
        {
            return known;
        }
        var slash = folder.LastIndexOf('/');
        var listed = folder.Length == 0
            || (await ListingAsync(slash < 0 ? "" : folder[..slash], cancellationToken) is { } parent && parent.Folders.Contains(folder[(slash + 1)..]));
        var listing = listed ? await contents.ListAsync(folder, cancellationToken) : null;
        listings[folder] = listing;
        return listing;
    }

    /// <summary>The root catalog files present and the files their Locations name, and the blob sha of each.</summary>
    private async Task<(CatalogFiles Catalog, IReadOnlyDictionary<string, string> Shas)> CatalogAsync(IReadOnlyDictionary<string, string> present, CancellationToken cancellationToken)
    {
        var shas = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<string?> Read(string path, CancellationToken token)
        {
            if (await contents.ReadAsync(path, null, token) is not { Bytes: { } bytes } file)
            {
                return null;
            }
            shas[path] = file.Sha;
            return RepositoryFileContent.Row(file.Sha, file.Size, options.MaxFileBytes, () => bytes).Content;
        }
        var roots = new List<CatalogFile>();
        foreach (var path in RepositoryFilePatterns.CatalogFiles.Where(present.ContainsKey))
        {
            if (await Read(path, cancellationToken) is { } text)
            {
                roots.Add(new CatalogFile(path, text, 0));
            }
        }
        var followed = await CatalogLocationFollower.FollowAsync(roots, options.MaxLocationDepth, Read, cancellationToken);
        return (followed, shas);
    }

    /// <summary>Adds the path's versions newer than <paramref name="storedNewest"/> (and their blobs) to the batch.</summary>
    private async Task HistoryAsync(string path, string? storedNewest, SourceBatch batch, HashSet<string> blobs, CancellationToken cancellationToken)
    {
        var commits = new List<GitHubCommit>();
        var reachedStored = false;
        var parameters = new Dictionary<string, string> { ["path"] = path, ["since"] = Format(historyStart), ["per_page"] = "100" };
        await foreach (var page in GitHubPages.Read<GitHubCommit>(connection, $"repos/{repo}/commits", parameters, cancellationToken))
        {
            foreach (var commit in page.Items)
            {
                if (commit.Sha == storedNewest)
                {
                    reachedStored = true;
                    break;
                }
                commits.Add(commit);
            }
            if (reachedStored)
            {
                break;
            }
        }
        if (!reachedStored)
        {
            // The version in effect when the history starts: what the file was in the first week DevEx evaluates.
            var before = new Dictionary<string, string> { ["path"] = path, ["until"] = Format(historyStart), ["per_page"] = "1" };
            await foreach (var page in GitHubPages.Read<GitHubCommit>(connection, $"repos/{repo}/commits", before, cancellationToken))
            {
                commits.AddRange(page.Items.Where(c => c.Sha != storedNewest).Take(1));
                break;
            }
        }
        foreach (var commit in commits)
        {
            var committedAt = Instant.FromDateTimeOffset(commit.Commit.Committer.Date);
            var file = await contents.ReadAsync(path, commit.Sha, cancellationToken);
            batch.RepositoryFileVersions.Add(new RepositoryFileVersionRow(repo, path, commit.Sha, committedAt, file?.Sha));
            if (file is not null && blobs.Add(file.Sha))
            {
                batch.RepositoryFileContents.Add(file.Bytes is null && file.Size <= options.MaxFileBytes
                    ? new RepositoryFileContentRow(file.Sha, file.Size, null, NoContentSent)
                    : RepositoryFileContent.Row(file.Sha, file.Size, options.MaxFileBytes, () => file.Bytes!));
            }
        }
    }

    private static string Format(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
