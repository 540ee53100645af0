using System.Text.Json;
using DevEx.Store.Rows;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>The state of one NDJSON import: line numbers, counts, the batch being filled and its rejects.</summary>
internal sealed class NdjsonImportRun(ImportKind kind, string fileName, ImportTiming timing, IClock clock)
{
    public const int BatchSize = 50_000;
    private const int RejectContentLimit = 10_000;

    private readonly string source = $"import:{kind.FileName()}";
    private readonly List<ImportReject> shown = [];
    private ImportBatch rows = new();
    private List<ImportRejectRow> rejects = [];
    private int lineNumber;
    private int imported;
    private int rejected;
    private int skipped;

    public sealed record Batch(ImportBatch Rows, List<ImportRejectRow> Rejects);

    /// <summary>Takes one line; true when the batch is full and should be written.</summary>
    public bool Accept(string line)
    {
        lineNumber++;
        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }
        var mark = rows.Mark();
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Reject(line, "line is not a JSON object");
            }
            else
            {
                ImportRecordMapper.Map(kind, new JsonRecord(document.RootElement, timing), rows, source);
                imported++;
            }
        }
        catch (JsonException e)
        {
            Reject(line, $"invalid JSON: {e.Message}");
        }
        catch (FutureRecordException)
        {
            rows.Rollback(mark);
            skipped++;
        }
        catch (ImportLineException e)
        {
            // A record that failed half-way (a bad review inside a good pull request) adds nothing.
            rows.Rollback(mark);
            Reject(line, e.Message);
        }
        return rows.Count + rejects.Count >= BatchSize;
    }

    public Batch TakeBatch()
    {
        var batch = new Batch(rows, rejects);
        rows = new ImportBatch();
        rejects = [];
        return batch;
    }

    public ImportFileSummary Summary() => new(fileName, imported, rejected, shown) { Skipped = skipped };

    private void Reject(string line, string reason)
    {
        rejected++;
        rejects.Add(new ImportRejectRow(fileName, lineNumber, reason, line.Length <= RejectContentLimit ? line : line[..RejectContentLimit],
            clock.GetCurrentInstant()));
        if (shown.Count < ImportFileSummary.RejectsShown)
        {
            shown.Add(new ImportReject(fileName, lineNumber, reason));
        }
    }
}
