using DevEx.Analytics.Derivations;
using DevEx.Collectors.Catalog;
using DevEx.Collectors.Import;
using DevEx.Server.Derivation;
using DevEx.Store;
using DevEx.Store.State;
using NodaTime;

namespace DevEx.Server.Import;

/// <summary>
/// Imports (a folder, or one posted body), then requests a derivation and waits for it, so the answer carries its figures.
/// The derivation is owed durably (derivation_requests) before the first row is written, as a sync's: a process killed
/// after a batch committed and before the derivation did runs it at its next start.
/// </summary>
internal sealed class ImportService(DuckDbDatabase database, IClock clock, DerivationQueueService derivations, DevEx.Collectors.Calendar.CalendarOptions? calendars = null)
{
    public const string CatalogKind = "catalog";

    public static IReadOnlyList<string> Kinds { get; } =
        [.. ImportKinds.All.Select(k => Path.GetFileNameWithoutExtension(k.FileName()).Replace('_', '-')), CatalogKind];

    public (ImportSummary Import, DerivationSummary Derivation) ImportDirectory(string directory, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        var owedId = Owe($"import {directory}");
        var summary = new DirectoryImporter(database, clock, calendars).Import(directory, timing, cancellationToken);
        return (summary, derivations.RequestAndWait(new DerivationRequest($"import {directory}"), owedId, cancellationToken));
    }

    /// <summary>
    /// Imports one request body. It is spooled to a temporary file first: bodies can be large, and the importer
    /// reads synchronously, line by line. The file's name is removed as soon as it is open (the open handle keeps its
    /// data), so a process killed mid-import leaves no spool file behind; where a name cannot be removed while open
    /// (Windows), the file goes when it is closed.
    /// </summary>
    public async Task<(ImportFileSummary Import, DerivationSummary Derivation)> ImportBodyAsync(string kind, Stream body, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"devex-import-{Guid.NewGuid():N}");
        await using var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        Unlink(path);
        await body.CopyToAsync(spool, cancellationToken);
        spool.Position = 0;
        var name = $"POST /api/v1/import/{kind}";
        var owedId = Owe($"import {kind}");
        ImportFileSummary summary;
        if (kind == CatalogKind)
        {
            using var reader = new StreamReader(spool, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            summary = new CatalogImporter(database, clock).Import(reader, name);
        }
        else
        {
            var importKind = ImportKinds.TryParse(kind, out var parsed) ? parsed : throw new ArgumentException($"Unknown import kind '{kind}'.", nameof(kind));
            summary = new NdjsonImporter(database, clock).Import(importKind, spool, name, cancellationToken: cancellationToken);
        }
        return (summary, await derivations.RequestAndWaitAsync(new DerivationRequest($"import {kind}"), owedId, cancellationToken));
    }

    private static void Unlink(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Open files cannot lose their name here: DeleteOnClose removes it.
        }
    }

    private string Owe(string reason) => new OwedDerivationStore(database).Record(reason, null, null, clock.GetCurrentInstant());
}
