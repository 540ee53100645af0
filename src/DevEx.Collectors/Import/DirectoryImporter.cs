using DevEx.Collectors.Catalog;
using DevEx.Store;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Imports a folder in the import format: catalog/*.yaml first (teams, people, services), then each NDJSON file
/// (one at a time: each already maps on every core, and two at once measured slower). Every part is optional.
/// Timestamps are imported as written; only seeding the bundled sample passes a timing.
/// </summary>
public sealed class DirectoryImporter(DuckDbDatabase database, IClock clock)
{
    private static readonly string[] NotYetImported = ["calendars"];

    public ImportSummary Import(string directory, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Import folder '{directory}' does not exist.");
        }
        var files = new List<ImportFileSummary>();
        var notes = new List<string>();
        var catalog = Path.Combine(directory, "catalog");
        if (Directory.Exists(catalog))
        {
            var importer = new CatalogImporter(database, clock);
            foreach (var file in Directory.EnumerateFiles(catalog).Where(IsYaml).Order(StringComparer.Ordinal))
            {
                using var reader = File.OpenText(file);
                files.Add(importer.Import(reader, Path.GetRelativePath(directory, file)));
            }
        }
        var ndjson = new NdjsonImporter(database, clock);
        foreach (var kind in ImportKinds.All.Where(k => File.Exists(Path.Combine(directory, k.FileName()))))
        {
            using var stream = File.OpenRead(Path.Combine(directory, kind.FileName()));
            files.Add(ndjson.Import(kind, stream, kind.FileName(), timing, cancellationToken));
        }
        foreach (var name in NotYetImported.Where(n => File.Exists(Path.Combine(directory, n)) || Directory.Exists(Path.Combine(directory, n))))
        {
            notes.Add($"{name}: not imported by this version of DevEx (skipped).");
        }
        return new ImportSummary(files, notes);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
