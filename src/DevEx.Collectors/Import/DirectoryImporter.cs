using DevEx.Collectors.Calendar;
using DevEx.Collectors.Catalog;
using DevEx.Store;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Imports a folder in the import format: catalog/*.yaml first (teams, people, services), then each NDJSON file
/// (one at a time: each already maps on every core, and two at once measured slower), then calendars/*.ics (one
/// person's calendar each, expanded over the rolling window of <see cref="CalendarOptions"/>). Every part is optional;
/// what the folder holds besides is listed in <see cref="ImportSummary.NotRead"/>, and calendar events the window
/// missed are counted in a note. Timestamps are imported as written; only seeding the bundled sample passes a timing.
/// </summary>
public sealed class DirectoryImporter(DuckDbDatabase database, IClock clock, CalendarOptions? calendarOptions = null)
{
    private const int CalendarBatch = 100;

    public ImportSummary Import(string directory, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Import folder '{directory}' does not exist.");
        }
        var files = new List<ImportFileSummary>();
        var notes = new List<string>();
        var catalog = Path.Combine(directory, ImportFolderListing.CatalogFolder);
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
        var calendars = Path.Combine(directory, ImportFolderListing.CalendarsFolder);
        if (Directory.Exists(calendars))
        {
            var options = calendarOptions ?? new CalendarOptions();
            var importer = new CalendarImporter(database, clock, options);
            var people = importer.LoadPeople();
            var outside = new List<ExpandedCalendar>();
            // The file name says whose calendar it is: calendars/ann@example.com.ics. Files are expanded on every core
            // and stored CalendarBatch at a time (one transaction each), in file-name order.
            foreach (var batch in ImportFolderListing.CalendarFiles(calendars).Order(StringComparer.Ordinal).Chunk(CalendarBatch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var expanded = batch.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                    .Select(file => importer.Expand(people, Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), Path.GetRelativePath(directory, file), timing))
                    .ToList();
                files.AddRange(importer.Store(expanded));
                outside.AddRange(expanded.Where(c => c.Outside.Before + c.Outside.After > 0));
            }
            if (timing is null && CalendarWindowNote.Describe(outside, clock.GetCurrentInstant(), options) is { } note)
            {
                notes.Add(note);
            }
        }
        return new ImportSummary(files, notes) { NotRead = ImportFolderListing.NotRead(directory) };
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
