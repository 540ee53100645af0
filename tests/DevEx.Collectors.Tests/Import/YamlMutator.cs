using System.Text;
using System.Text.RegularExpressions;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// Breaks one Backstage entity document like <see cref="LineMutator"/> breaks an NDJSON line: bytes at a random
/// place, or the value of one random "key: value" line. The <c>kind:</c> line is left alone: an entity of an
/// unknown kind is ignored by design (Systems, APIs), so breaking it would make a document neither imported nor
/// rejected on purpose.
/// </summary>
internal static partial class YamlMutator
{
    [GeneratedRegex(@"^(\s*[\w./-]+:)( ?)(.*)$")]
    private static partial Regex KeyValue();

    public static byte[] Mutate(string document, Mutation mutation, Random random)
    {
        var lines = document.Split('\n');
        var editable = Enumerable.Range(0, lines.Length).Where(i => !lines[i].StartsWith("kind:", StringComparison.Ordinal)).ToList();
        return mutation switch
        {
            // Cut after the kind line, so that what is left still says which kind it was.
            Mutation.Truncate => Encoding.UTF8.GetBytes(document)[..random.Next(AfterKind(document), Encoding.UTF8.GetByteCount(document))],
            Mutation.FlipByte => AtByte(lines, editable, random, (bytes, at) => bytes[at] ^= (byte)(1 << random.Next(8))),
            Mutation.InvalidUtf8Pair => Insert(lines, editable, random, [0xC3, 0x28]),
            Mutation.InvalidByteFF => Insert(lines, editable, random, [0xFF]),
            Mutation.InvalidUtf8InKey => Insert(lines, editable, random, [0xC3, 0x28], inKey: true),
            Mutation.LoneSurrogate => Value(lines, editable, random, "\"\\ud800\""),
            Mutation.RawControlChar => Insert(lines, editable, random, [0x01]),
            Mutation.EscapedNul => Value(lines, editable, random, "\"a\\0b\\x1f\""),
            Mutation.YearOne => Value(lines, editable, random, "0001-01-01T00:00:00+14:00"),
            Mutation.Year9999 => Value(lines, editable, random, "9999-12-31T23:59:59-14:00"),
            Mutation.HugeString => Value(lines, editable, random, new string('x', LineMutator.HugeLength)),
            Mutation.NumberForString => Value(lines, editable, random, "12345678901234567890"),
            Mutation.ObjectForArray => Value(lines, editable, random, "{a: 1}", v => v.StartsWith('[')),
            Mutation.StringForObject => Value(lines, editable, random, "not an object", v => v.Length == 0),
            Mutation.DeepNesting => Value(lines, editable, random, new string('[', 200) + new string(']', 200)),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
    }

    private static int AfterKind(string document)
    {
        var kind = document.IndexOf("\nkind:", StringComparison.Ordinal) + 1;
        return Encoding.UTF8.GetByteCount(document[..document.IndexOf('\n', kind)]) + 1;
    }

    private static byte[] AtByte(string[] lines, List<int> editable, Random random, Action<byte[], int> change)
    {
        var index = editable[random.Next(editable.Count)];
        var bytes = Encoding.UTF8.GetBytes(lines[index]);
        if (bytes.Length > 0)
        {
            change(bytes, random.Next(bytes.Length));
        }
        return Join(lines, index, bytes);
    }

    private static byte[] Insert(string[] lines, List<int> editable, Random random, byte[] inserted, bool inKey = false)
    {
        var keyed = editable.Where(i => KeyValue().IsMatch(lines[i])).ToList();
        var index = inKey ? keyed[random.Next(keyed.Count)] : editable[random.Next(editable.Count)];
        var bytes = Encoding.UTF8.GetBytes(lines[index]);
        var end = inKey ? KeyValue().Match(lines[index]).Groups[1].Length - 1 : bytes.Length;
        var start = inKey ? lines[index].Length - lines[index].TrimStart().Length : 0;
        var at = random.Next(start, end + 1);
        return Join(lines, index, [.. bytes[..at], .. inserted, .. bytes[at..]]);
    }

    private static byte[] Value(string[] lines, List<int> editable, Random random, string value, Func<string, bool>? fits = null)
    {
        var keyed = editable.Where(i => KeyValue().IsMatch(lines[i])).ToList();
        var fitting = keyed.Where(i => fits?.Invoke(KeyValue().Match(lines[i]).Groups[3].Value) ?? true).ToList();
        var choice = fitting.Count > 0 ? fitting : keyed;
        var index = choice[random.Next(choice.Count)];
        var match = KeyValue().Match(lines[index]);
        return Join(lines, index, Encoding.UTF8.GetBytes($"{match.Groups[1].Value} {value}"));
    }

    private static byte[] Join(string[] lines, int index, byte[] replaced) =>
        [.. Encoding.UTF8.GetBytes(string.Join('\n', lines[..index]) + (index > 0 ? "\n" : "")), .. replaced,
            .. Encoding.UTF8.GetBytes((index < lines.Length - 1 ? "\n" : "") + string.Join('\n', lines[(index + 1)..]))];
}
