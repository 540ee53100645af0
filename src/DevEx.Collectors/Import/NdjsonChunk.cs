using System.Text.Json;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Maps one chunk of consecutive NDJSON lines into rows and rejects. Chunks are independent, so several can be
/// mapped at once; <see cref="NdjsonImporter"/> puts their results back in file order.
/// </summary>
internal sealed class NdjsonChunk(ImportKind kind, string fileName, ImportTiming timing, IClock clock)
{
    private const int RejectContentLimit = 10_000;

    // A reason quotes the bad value; a 10 MB value is cut so that the reason stays a line a person reads.
    private const int ReasonLimit = 300;

    private readonly string source = $"import:{kind.FileName()}";

    /// <summary>What a chunk produced.</summary>
    public sealed class Result
    {
        public SourceBatch Rows { get; } = new();
        public List<ImportRejectRow> Rejects { get; } = [];
        public int Imported { get; set; }
        public int Skipped { get; set; }
    }

    public Result Map(Utf8LineChunk chunk)
    {
        var result = new Result();
        var pool = new StringPool();
        var now = clock.GetCurrentInstant();
        for (var i = 0; i < chunk.Lines.Count; i++)
        {
            Accept(chunk.Line(i), chunk.FirstLineNumber + i, result, pool, now);
        }
        chunk.Release();
        return result;
    }

    private void Accept(ReadOnlyMemory<byte> line, int lineNumber, Result result, StringPool pool, Instant now)
    {
        if (IsBlank(line.Span))
        {
            return;
        }
        if (Utf8Text.FindInvalid(line.Span) is { } invalid)
        {
            // Checked before parsing: the JSON parser takes invalid bytes inside strings and names, and a name with
            // them would read as a missing field.
            Reject(result, line, lineNumber, $"invalid UTF-8 at {invalid} of the line; the file must be UTF-8");
            return;
        }
        var rows = result.Rows;
        var mark = rows.Mark();
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Reject(result, line, lineNumber, "line is not a JSON object");
                return;
            }
            ImportRecordMapper.Map(kind, new JsonRecord(document.RootElement, timing, pool), rows, source, now);
            result.Imported++;
        }
        catch (JsonException e)
        {
            Reject(result, line, lineNumber, $"invalid JSON: {e.Message}");
        }
        catch (FutureRecordException)
        {
            rows.Rollback(mark);
            result.Skipped++;
        }
        catch (ImportLineException e)
        {
            // A record that failed half-way (a bad review inside a good pull request) adds nothing.
            rows.Rollback(mark);
            Reject(result, line, lineNumber, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Every known failure is an ImportLineException naming its field; this keeps a line imported or rejected,
            // never neither, should one be missed.
            rows.Rollback(mark);
            Reject(result, line, lineNumber, $"line could not be read ({e.GetType().Name}: {e.Message})");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    private void Reject(Result result, ReadOnlyMemory<byte> line, int lineNumber, string reason)
    {
        var text = System.Text.Encoding.UTF8.GetString(line.Span[..Math.Min(line.Length, RejectContentLimit)]);
        var shown = reason.Length <= ReasonLimit ? reason : $"{reason[..ReasonLimit]}… ({reason.Length:N0} characters)";
        result.Rejects.Add(new ImportRejectRow(fileName, lineNumber, shown, text, clock.GetCurrentInstant()));
    }
}
