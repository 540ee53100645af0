using DevEx.Collectors.Catalog;
using DevEx.Store;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Imports a folder in the import format: catalog/*.yaml first (teams, people, services), then the NDJSON files,
/// two at a time: no file refers to another's rows while importing, and mapping one file's lines overlaps writing
/// the other's (writes themselves are serialised by the database's write lock). Every part is optional.
/// Timestamps are imported as written; only seeding the bundled sample passes a timing.
/// </summary>
public sealed class DirectoryImporter(DuckDbDatabase database, IClock clock)
{
    private static readonly string[] NotYetImported = ["tickets.ndjson", "calendars"];

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
        var kinds = ImportKinds.All.Where(k => File.Exists(Path.Combine(directory, k.FileName()))).ToList();
        var summaries = new ImportFileSummary[kinds.Count];
        Parallel.For(0, kinds.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, i =>
        {
            using var stream = File.OpenRead(Path.Combine(directory, kinds[i].FileName()));
            summaries[i] = ndjson.Import(kinds[i], stream, kinds[i].FileName(), timing, cancellationToken);
        });
        files.AddRange(summaries);
        foreach (var name in NotYetImported.Where(n => File.Exists(Path.Combine(directory, n)) || Directory.Exists(Path.Combine(directory, n))))
        {
            notes.Add($"{name}: not imported by this version of DevEx (skipped).");
        }
        return new ImportSummary(files, notes);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
