using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// One NDJSON file written record by record, so a year of a thousand engineers never sits in memory. Records are
/// serialised into a buffer and handed to the file in large blocks (Utf8JsonWriter.Flush on a FileStream would
/// flush to the OS for every line).
/// </summary>
internal sealed class NdjsonWriter : IDisposable
{
    private const int BlockSize = 1 << 16;

    // Relaxed escaping keeps quotes in titles and '+' in offsets readable; the files are never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FileStream file;
    private readonly ArrayBufferWriter<byte> buffer = new(BlockSize * 2);
    private readonly Utf8JsonWriter json;

    public NdjsonWriter(string path)
    {
        file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BlockSize);
        json = new Utf8JsonWriter(buffer, Options);
    }

    public int Count { get; private set; }

    public Utf8JsonWriter BeginRecord()
    {
        json.WriteStartObject();
        return json;
    }

    public void EndRecord()
    {
        json.WriteEndObject();
        json.Flush();
        json.Reset();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        Count++;
        if (buffer.WrittenCount >= BlockSize)
        {
            WriteBlock();
        }
    }

    public void Dispose()
    {
        WriteBlock();
        json.Dispose();
        file.Dispose();
    }

    private void WriteBlock()
    {
        file.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }
}

/// <summary>Field writers shared by the record serialisers.</summary>
internal static class JsonFields
{
    public static void Timestamp(this Utf8JsonWriter json, string name, OffsetDateTime value)
    {
        Span<char> text = stackalloc char[25];
        json.WriteString(name, SampleTimestamps.Format(value, text));
    }

    public static void Timestamp(this Utf8JsonWriter json, string name, Instant value) =>
        json.Timestamp(name, value.WithOffset(Offset.Zero));

    public static void OptionalTimestamp(this Utf8JsonWriter json, string name, Instant? value)
    {
        if (value is { } instant)
        {
            json.Timestamp(name, instant);
        }
    }

    public static void OptionalTimestamp(this Utf8JsonWriter json, string name, OffsetDateTime? value)
    {
        if (value is { } time)
        {
            json.Timestamp(name, time);
        }
    }

    public static void Strings(this Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    public static void OptionalString(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    public static void OptionalNumber(this Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
