namespace DevEx.Collectors.Import;

/// <summary>
/// A file or folder in an import folder that the import does not read, and why. <see cref="Suggestion"/> is the name it
/// looks like a misspelling of (<c>incident.ndjson</c> → <c>incidents.ndjson</c>): its data was meant to be imported.
/// </summary>
public sealed record ImportFileNotRead(string File, string Reason, string? Suggestion)
{
    public override string ToString() => $"{File}: {Reason}";
}

/// <summary>
/// What an import folder holds besides the files of the import format (docs/import-format.md): misspelt or
/// wrongly-cased names, files of another extension, unknown folders. Every part of the format is optional, so without
/// this a folder of misspelt names imports nothing and says nothing.
/// </summary>
public static class ImportFolderListing
{
    public const string CatalogFolder = "catalog";
    public const string CalendarsFolder = "calendars";

    /// <summary>Files the format does not name but a folder may well hold: the sample's generator settings, a readme.</summary>
    private static readonly string[] Ignored = ["generator.json"];

    private static IReadOnlyList<string> KnownFiles => ImportKinds.All.Select(k => k.FileName()).ToList();

    /// <summary>Whether the folder holds anything the import reads: a known file, catalog/*.yaml or calendars/*.ics.</summary>
    public static bool HasImportable(string directory) =>
        KnownFiles.Any(f => File.Exists(Path.Combine(directory, f)))
        || (Directory.Exists(Path.Combine(directory, CatalogFolder)) && Directory.EnumerateFiles(Path.Combine(directory, CatalogFolder)).Any(IsYaml))
        || (Directory.Exists(Path.Combine(directory, CalendarsFolder)) && CalendarFiles(Path.Combine(directory, CalendarsFolder)).Any());

    /// <summary>Everything in the folder (and in catalog/ and calendars/) that the import leaves unread, in name order.</summary>
    public static IReadOnlyList<ImportFileNotRead> NotRead(string directory)
    {
        var notRead = new List<ImportFileNotRead>();
        foreach (var file in Names(Directory.EnumerateFiles(directory)))
        {
            if (KnownFiles.Contains(file, StringComparer.Ordinal) || Ignored.Contains(file, StringComparer.OrdinalIgnoreCase)
                || file.StartsWith('.') || file.StartsWith("README", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var suggestion = Closest(file, KnownFiles);
            if (suggestion is not null && string.Equals(file, suggestion, StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(directory, suggestion)))
            {
                continue; // a file system that ignores case found it under its own name: it was read
            }
            notRead.Add(suggestion is null
                ? new ImportFileNotRead(file, "not a file name of the import format (docs/import-format.md)", null)
                : new ImportFileNotRead(file, $"not a file name of the import format: did you mean {suggestion}?", suggestion));
        }
        foreach (var folder in Names(Directory.EnumerateDirectories(directory)))
        {
            if (folder is CatalogFolder or CalendarsFolder || folder.StartsWith('.'))
            {
                continue;
            }
            var suggestion = Closest(folder, [CatalogFolder, CalendarsFolder]);
            notRead.Add(new ImportFileNotRead(folder + "/", suggestion is null
                ? "a folder the import does not read (it reads catalog/ and calendars/)"
                : $"a folder the import does not read: did you mean {suggestion}/?", suggestion is null ? null : suggestion + "/"));
        }
        notRead.AddRange(Unread(directory, CatalogFolder, IsYaml, "catalog files end in .yaml or .yml"));
        notRead.AddRange(Unread(directory, CalendarsFolder, IsCalendar, "calendar files are named <email>.ics"));
        return notRead;
    }

    /// <summary>Files of catalog/ or calendars/ the import skips, and everything in their subfolders (not read either).</summary>
    private static IEnumerable<ImportFileNotRead> Unread(string directory, string folder, Func<string, bool> isRead, string reason)
    {
        var path = Path.Combine(directory, folder);
        if (!Directory.Exists(path))
        {
            yield break;
        }
        foreach (var file in Names(Directory.EnumerateFiles(path)).Where(f => !isRead(f) && !f.StartsWith('.')))
        {
            yield return new ImportFileNotRead($"{folder}/{file}", reason, $"{folder}/{file}");
        }
        foreach (var sub in Names(Directory.EnumerateDirectories(path)).Where(d => !d.StartsWith('.')))
        {
            yield return new ImportFileNotRead($"{folder}/{sub}/", $"folders inside {folder}/ are not read", $"{folder}/");
        }
    }

    /// <summary>The calendar files DirectoryImporter reads: *.ics in any case, on every platform.</summary>
    public static IEnumerable<string> CalendarFiles(string calendarsFolder) =>
        Directory.EnumerateFiles(calendarsFolder, "*.ics", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive });

    private static bool IsCalendar(string path) => path.EndsWith(".ics", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Names(IEnumerable<string> paths) => paths.Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal);

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The known name <paramref name="name"/> misspells: the same once case, extensions, a plural s and -/_ are set aside
    /// (Repositories.json, incident.ndjson), or at most two letters apart (pullrequests.ndjson); null when none is.
    /// </summary>
    internal static string? Closest(string name, IReadOnlyList<string> known)
    {
        var stem = Stem(name);
        if (stem.Length == 0)
        {
            return null;
        }
        var scored = known.Select(k => (Known: k, Distance: Distance(stem, Stem(k)))).OrderBy(k => k.Distance).First();
        return scored.Distance <= (stem.Length <= 4 ? 0 : 2) ? scored.Known : null;
    }

    private static string Stem(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).ToLowerInvariant().Replace('-', '_').Replace(" ", "_", StringComparison.Ordinal);
        return stem.EndsWith('s') ? stem[..^1] : stem;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
