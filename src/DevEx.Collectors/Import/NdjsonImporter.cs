using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Imports one NDJSON stream of one kind. A bad line is rejected with its line number and reason and kept in
/// import_rejects; every other line is imported. Lines are written in batches, each batch in one transaction, so
/// memory stays flat for files of any size; parsing the next batch overlaps writing the previous one.
/// </summary>
public sealed class NdjsonImporter(DuckDbDatabase database, IClock clock)
{
    public ImportFileSummary Import(ImportKind kind, TextReader reader, string fileName, ImportTiming? timing = null, CancellationToken cancellationToken = default)
    {
        var run = new NdjsonImportRun(kind, fileName, timing ?? ImportTiming.AsWritten, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var pending = new BlockingCollection<NdjsonImportRun.Batch>(boundedCapacity: 1);
        Exception? failure = null;
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (var batch in pending.GetConsumingEnumerable())
                {
                    Write(batch);
                }
            }
            catch (Exception e)
            {
                failure = e;
                stop.Cancel();
            }
        }, CancellationToken.None);
        try
        {
            while (reader.ReadLine() is { } line)
            {
                if (run.Accept(line))
                {
                    pending.Add(run.TakeBatch(), stop.Token);
                }
            }
            pending.Add(run.TakeBatch(), stop.Token);
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
        return run.Summary();
    }

    private void Write(NdjsonImportRun.Batch batch)
    {
        if (batch.Rows.RowCount == 0 && batch.Rejects.Count == 0)
        {
            return;
        }
        database.WriteLock.Wait();
        try
        {
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            batch.Rows.Write(connection);
            TableWriter.Upsert(connection, Tables.ImportRejects, batch.Rejects);
            transaction.Commit();
        }
        finally
        {
            database.WriteLock.Release();
        }
    }
}
