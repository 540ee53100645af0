using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Imports one NDJSON stream of one kind. A bad line is rejected with its line number and reason and kept in
/// import_rejects; every other line is imported. Lines are mapped in chunks on every core, put back in file order,
/// and written in batches, each in one transaction, while the next batch is mapped: memory stays flat for files of
/// any size.
/// </summary>
public sealed class NdjsonImporter(DuckDbDatabase database, IClock clock)
{
    private const int ChunkLines = 4_000;
    private const int BatchRecords = 50_000;

    /// <summary>Imports NDJSON text (tests, small bodies); large inputs should come as a UTF-8 stream.</summary>
    public ImportFileSummary Import(ImportKind kind, TextReader reader, string fileName, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        using var utf8 = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.ReadToEnd()));
        return Import(kind, utf8, fileName, timing, cancellationToken);
    }

    /// <summary>Imports a UTF-8 NDJSON stream (a leading byte-order mark is skipped).</summary>
    public ImportFileSummary Import(ImportKind kind, Stream stream, string fileName, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        var chunk = new NdjsonChunk(kind, fileName, timing ?? ImportTiming.AsWritten, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var pending = new BlockingCollection<SourceBatch>(boundedCapacity: 1);
        Exception? failure = null;
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (var rows in pending.GetConsumingEnumerable())
                {
                    Write(rows);
                }
            }
            catch (Exception e)
            {
                failure = e;
                stop.Cancel();
            }
        }, CancellationToken.None);

        var (imported, skipped, rejected) = (0, 0, 0);
        var shown = new List<ImportReject>();
        var batch = new SourceBatch();
        try
        {
            var results = Utf8LineChunks.Read(stream, ChunkLines)
                .AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.NotBuffered).WithCancellation(stop.Token)
                .Select(chunk.Map);
            foreach (var result in results)
            {
                (imported, skipped, rejected) = (imported + result.Imported, skipped + result.Skipped, rejected + result.Rejects.Count);
                shown.AddRange(result.Rejects.Take(ImportFileSummary.RejectsShown - shown.Count).Select(r => new ImportReject(r.SourceFile, r.Line, r.Reason)));
                batch.Append(result.Rows);
                batch.ImportRejects.AddRange(result.Rejects);
                if (batch.RecordCount + batch.ImportRejects.Count >= BatchRecords)
                {
                    pending.Add(batch, stop.Token);
                    batch = new SourceBatch();
                }
            }
            pending.Add(batch, stop.Token);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            // The writer stopped on an error; it is rethrown below.
        }
        finally
        {
            pending.CompleteAdding();
            writer.Wait(CancellationToken.None);
        }
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
        return new ImportFileSummary(fileName, imported, rejected, shown)
        {
            Skipped = skipped,
        };
    }

    private void Write(SourceBatch rows)
    {
        if (rows.RowCount > 0 || rows.ImportRejects.Count > 0)
        {
            rows.Write(database);
        }
    }
}
