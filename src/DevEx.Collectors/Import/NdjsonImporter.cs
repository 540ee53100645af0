using System.Text.Json;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Imports one NDJSON stream of one kind. A bad line is rejected with its line number and reason and kept in
/// import_rejects; every other line is imported. Lines are written in batches, each batch in one transaction, so
/// memory stays flat for files of any size.
/// </summary>
public sealed class NdjsonImporter(DuckDbDatabase database, IClock clock)
{
    private const int BatchSize = 50_000;
    private const int RejectContentLimit = 10_000;
    private const string SkippedAsFuture = "\0future";

    public ImportFileSummary Import(ImportKind kind, TextReader reader, string fileName, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        timing ??= ImportTiming.AsWritten;
        var batch = new ImportBatch();
        var skipped = 0;
        var rejects = new List<ImportRejectRow>();
        var imported = 0;
        var rejected = 0;
        var shown = new List<ImportReject>();
        var lineNumber = 0;
        var source = $"import:{kind.FileName()}";
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var reason = TryMap(kind, line, batch, source, timing);
            if (reason is null)
            {
                imported++;
            }
            else if (reason == SkippedAsFuture)
            {
                skipped++;
            }
            else
            {
                rejected++;
                rejects.Add(new ImportRejectRow(fileName, lineNumber, reason, Truncate(line), clock.GetCurrentInstant()));
                if (shown.Count < ImportFileSummary.RejectsShown)
                {
                    shown.Add(new ImportReject(fileName, lineNumber, reason));
                }
            }
            if (batch.Count + rejects.Count >= BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Flush(batch, rejects);
                batch = new ImportBatch();
                rejects.Clear();
            }
        }
        Flush(batch, rejects);
        return new ImportFileSummary(fileName, imported, rejected, shown) { Skipped = skipped };
    }

    private static string? TryMap(ImportKind kind, string line, ImportBatch batch, string source, ImportTiming timing)
    {
        var mark = batch.Mark();
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "line is not a JSON object";
            }
            ImportRecordMapper.Map(kind, new JsonRecord(document.RootElement, timing), batch, source);
            return null;
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }
        catch (FutureRecordException)
        {
            batch.Rollback(mark);
            return SkippedAsFuture;
        }
        catch (ImportLineException e)
        {
            // A record that failed half-way (a bad review inside a good pull request) adds nothing.
            batch.Rollback(mark);
            return e.Message;
        }
    }

    private void Flush(ImportBatch batch, List<ImportRejectRow> rejects)
    {
        if (batch.RowCount == 0 && rejects.Count == 0)
        {
            return;
        }
        database.WriteLock.Wait();
        try
        {
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            batch.Write(connection);
            TableWriter.Upsert(connection, Tables.ImportRejects, rejects);
            transaction.Commit();
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    private static string Truncate(string line) => line.Length <= RejectContentLimit ? line : line[..RejectContentLimit];
}
