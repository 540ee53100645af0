using System.Text;

namespace DevEx.Collectors.Import;

/// <summary>
/// One string per distinct value among the values a chunk of import lines repeats (repository, author, workflow,
/// status...): a value seen before is looked up from its UTF-8 bytes without allocating. Per chunk, so the chunks
/// mapped in parallel share nothing; it also keeps the batches waiting to be written smaller.
/// </summary>
internal sealed class StringPool
{
    // Longer values are rarely repeated names; they are decoded as they come.
    private const int MaxPooledBytes = 128;

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public StringPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string of valid UTF-8 <paramref name="utf8"/> (lines are checked before they are parsed).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        Span<char> buffer = stackalloc char[MaxPooledBytes];
        var text = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }
        var value = new string(text);
        strings.Add(value, value);
        return value;
    }
}
