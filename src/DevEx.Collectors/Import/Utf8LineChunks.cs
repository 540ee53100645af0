using System.Buffers;

namespace DevEx.Collectors.Import;

/// <summary>
/// A run of consecutive lines held as UTF-8 bytes in a pooled buffer (no string per line). The buffer goes back to the
/// pool when every chunk cut from it has been <see cref="Release"/>d; a chunk never released leaves it to the GC.
/// </summary>
internal sealed record Utf8LineChunk(Utf8LineChunks.Lease Buffer, IReadOnlyList<Range> Lines, int FirstLineNumber)
{
    public ReadOnlyMemory<byte> Line(int index) => Buffer.Bytes.AsMemory(Lines[index]);

    /// <summary>Called once the chunk's lines are read: nothing may hold them afterwards.</summary>
    public void Release() => Buffer.Release();
}

/// <summary>
/// Splits a UTF-8 stream into chunks of lines (LF or CRLF, a leading BOM skipped). Reading bytes instead of
/// strings halves what an import allocates: the JSON parser reads UTF-8 directly. Buffers are rented: a new 1 MB
/// buffer per block was as many bytes as the files again, all on the large object heap, where each allocation brings
/// the next full collection closer.
/// </summary>
internal static class Utf8LineChunks
{
    private const int BlockSize = 1 << 20;

    /// <summary>A rented buffer shared by the chunks cut from it.</summary>
    internal sealed class Lease(byte[] bytes)
    {
        private int holders;

        public byte[] Bytes { get; } = bytes;

        internal void Hold(int count) => holders = count;

        public void Release()
        {
            if (Interlocked.Decrement(ref holders) == 0)
            {
                ArrayPool<byte>.Shared.Return(Bytes);
            }
        }
    }

    public static IEnumerable<Utf8LineChunk> Read(Stream stream, int linesPerChunk)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        var filled = 0;
        var lineNumber = 1;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2); // a line longer than the buffer
                Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
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
                var next = ArrayPool<byte>.Shared.Rent(Math.Max(BlockSize, filled - position + 1));
                Buffer.BlockCopy(buffer, position, next, 0, filled - position);
                var lease = new Lease(buffer);
                lease.Hold((lines.Count + linesPerChunk - 1) / linesPerChunk);
                for (var offset = 0; offset < lines.Count; offset += linesPerChunk)
                {
                    var count = Math.Min(linesPerChunk, lines.Count - offset);
                    yield return new Utf8LineChunk(lease, lines.GetRange(offset, count), lineNumber + offset);
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
