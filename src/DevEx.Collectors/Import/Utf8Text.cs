using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DevEx.Collectors.Import;

/// <summary>Finds invalid UTF-8 in an import line, so a reject can say where the bad bytes are.</summary>
internal static class Utf8Text
{
    /// <summary>
    /// Null when the whole line is valid UTF-8; else where the first invalid sequence is, in words: its 1-based byte
    /// position and its bytes, e.g. "byte 14 (0xC3)".
    /// </summary>
    public static string? FindInvalid(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line))
        {
            return null; // the usual case, vectorised
        }
        var offset = 0;
        int consumed;
        while (Rune.DecodeFromUtf8(line[offset..], out _, out consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        var bytes = string.Join(' ', line.Slice(offset, Math.Max(consumed, 1)).ToArray().Select(b => $"0x{b:X2}"));
        return $"byte {offset + 1} ({bytes})";
    }
}
