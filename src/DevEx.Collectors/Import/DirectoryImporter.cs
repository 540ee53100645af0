using DevEx.Collectors.Calendar;
using DevEx.Collectors.Catalog;
using DevEx.Store;
using DevEx.Store.Rows;
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
                files.Add(Guarded(Path.GetRelativePath(directory, file), name =>
                {
                    using var reader = File.OpenText(file);
                    return importer.Import(reader, name);
                }));
            }
        }
        var ndjson = new NdjsonImporter(database, clock);
        foreach (var kind in ImportKinds.All.Where(k => File.Exists(Path.Combine(directory, k.FileName()))))
        {
            files.Add(Guarded(kind.FileName(), name =>
            {
                using var stream = File.OpenRead(Path.Combine(directory, name));
                return ndjson.Import(kind, stream, name, timing, cancellationToken);
            }));
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
                    .Select(file => TryExpand(importer, people, file, Path.GetRelativePath(directory, file), timing))
                    .ToList();
                var stored = expanded.OfType<ExpandedCalendar>().ToList();
                files.AddRange(importer.Store(stored));
                files.AddRange(expanded.OfType<ImportFileSummary>());
                outside.AddRange(stored.Where(c => c.Outside.Before + c.Outside.After > 0));
            }
            if (timing is null && CalendarWindowNote.Describe(outside, clock.GetCurrentInstant(), options) is { } note)
            {
                notes.Add(note);
            }
        }
        return new ImportSummary(files, notes) { NotRead = ImportFolderListing.NotRead(directory) };
    }

    /// <summary>
    /// Imports one file; should it fail as a whole (it cannot be read, or its rows cannot be written), the failure is
    /// that file's one reject and the next files are still imported. Bad lines are rejected inside the importers.
    /// </summary>
    private ImportFileSummary Guarded(string name, Func<string, ImportFileSummary> import)
    {
        try
        {
            return import(name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(name, e);
        }
    }

    private ImportFileSummary Failed(string name, Exception e)
    {
        var reason = $"file could not be imported ({e.GetType().Name}: {e.Message})";
        try
        {
            ImportRejectWriter.Write(database, [new ImportRejectRow(name, 0, reason, "", clock.GetCurrentInstant())]);
        }
        catch (Exception)
        {
            // The database itself failed: the summary still names the file and the reason.
        }
        return new ImportFileSummary(name, 0, 1, [new ImportReject(name, 0, reason)]);
    }

    /// <summary>The expanded calendar, or (should reading or expanding it fail) the failed file's summary.</summary>
    private object TryExpand(CalendarImporter importer, CalendarPeople people, string file, string name, ImportTiming? timing)
    {
        try
        {
            return importer.Expand(people, Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), name, timing);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(name, e);
        }
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
