namespace DevEx.Collectors.Import;

/// <summary>A run of consecutive lines held as UTF-8 bytes in one buffer (no string per line).</summary>
internal sealed record Utf8LineChunk(byte[] Buffer, IReadOnlyList<Range> Lines, int FirstLineNumber)
{
    public ReadOnlyMemory<byte> Line(int index) => Buffer.AsMemory(Lines[index]);
}

/// <summary>
/// Splits a UTF-8 stream into chunks of lines (LF or CRLF, a leading BOM skipped). Reading bytes instead of
/// strings halves what an import allocates: the JSON parser reads UTF-8 directly.
/// </summary>
internal static class Utf8LineChunks
{
    private const int BlockSize = 1 << 20;

    public static IEnumerable<Utf8LineChunk> Read(Stream stream, int linesPerChunk)
    {
        var buffer = new byte[BlockSize];
        var filled = 0;
        var lineNumber = 1;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            }
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = first && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            first = false;
            var lines = new List<Range>(linesPerChunk);
            var position = start;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', position, filled - position);
                if (newline < 0)
                {
                    break;
                }
                lines.Add(new Range(position, newline > position && buffer[newline - 1] == '\r' ? newline - 1 : newline));
                position = newline + 1;
            }
            if (read == 0 && position < filled)
            {
                lines.Add(new Range(position, filled)); // the last line has no newline
                position = filled;
            }
            if (lines.Count > 0)
            {
                // Hand the complete lines over with this buffer; the unfinished tail starts the next one.
                var next = new byte[Math.Max(BlockSize, filled - position + 1)];
                Buffer.BlockCopy(buffer, position, next, 0, filled - position);
                for (var offset = 0; offset < lines.Count; offset += linesPerChunk)
                {
                    var count = Math.Min(linesPerChunk, lines.Count - offset);
                    yield return new Utf8LineChunk(buffer, lines.GetRange(offset, count), lineNumber + offset);
                }
                lineNumber += lines.Count;
                filled -= position;
                buffer = next;
            }
            if (read == 0)
            {
                yield break;
            }
        }
    }
}
