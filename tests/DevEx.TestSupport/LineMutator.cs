using System.Text;
using System.Text.Json.Nodes;

namespace DevEx.TestSupport;

/// <summary>The ways a fuzzer broke the sample organisation's files (issue 12, item 9).</summary>
internal enum Mutation
{
    Truncate,
    FlipByte,
    InvalidUtf8Pair,
    InvalidByteFF,
    InvalidUtf8InKey,
    LoneSurrogate,
    RawControlChar,
    EscapedNul,
    YearOne,
    Year9999,
    HugeString,
    NumberForString,
    ObjectForArray,
    StringForObject,
    DeepNesting,
}

/// <summary>
/// Breaks one valid NDJSON line in a seeded, repeatable way: bytes (truncation, a flipped bit, invalid UTF-8 in a
/// value or in a key name, a raw control character) or one value, picked at random among every value of the line,
/// nested ones included (a lone surrogate escape, an escaped NUL, a timestamp at the edges of time, a 10 MB string,
/// a wrong type, 200 levels of nesting).
/// </summary>
internal static class LineMutator
{
    public const int HugeLength = 10 * 1024 * 1024;

    // Raw control characters that JSON allows nowhere outside whitespace (tab, CR and LF are whitespace or line ends).
    private static readonly byte[] ControlChars = [0x00, 0x01, 0x08, 0x0B, 0x1B, 0x1F];

    private const string Placeholder = "\u0001mutation\u0001";

    public static byte[] Mutate(string line, Mutation mutation, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        return mutation switch
        {
            // At least one byte is kept: an empty line is blank, neither imported nor rejected.
            Mutation.Truncate => bytes[..random.Next(1, bytes.Length)],
            Mutation.FlipByte => FlipBit(bytes, random),
            Mutation.InvalidUtf8Pair => InsertAt(bytes, random.Next(bytes.Length + 1), [0xC3, 0x28]),
            Mutation.InvalidByteFF => InsertAt(bytes, random.Next(bytes.Length + 1), [0xFF]),
            Mutation.InvalidUtf8InKey => BreakKey(line, random),
            Mutation.LoneSurrogate => ReplaceValue(line, random, _ => "\"\\ud800\""),
            Mutation.RawControlChar => InsertAt(bytes, random.Next(bytes.Length + 1), [ControlChars[random.Next(ControlChars.Length)]]),
            Mutation.EscapedNul => ReplaceValue(line, random, _ => "\"a\\u0000b\\u001f\""),
            Mutation.YearOne => ReplaceValue(line, random, _ => "\"0001-01-01T00:00:00+14:00\"", IsTimestamp),
            Mutation.Year9999 => ReplaceValue(line, random, _ => "\"9999-12-31T23:59:59-14:00\"", IsTimestamp),
            Mutation.HugeString => ReplaceValue(line, random, _ => "\"" + new string('x', HugeLength) + "\""),
            Mutation.NumberForString => ReplaceValue(line, random, _ => "12345678901234567890", n => n is JsonValue),
            Mutation.ObjectForArray => ReplaceValue(line, random, _ => "{\"a\":1}", n => n is JsonArray),
            Mutation.StringForObject => ReplaceValue(line, random, _ => "\"not an object\"", n => n is JsonObject),
            Mutation.DeepNesting => ReplaceValue(line, random, _ => new string('[', 200) + new string(']', 200)),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
    }

    private static bool IsTimestamp(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 10 && text[4] == '-' && text[10] == 'T';

    private static byte[] FlipBit(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] InsertAt(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    /// <summary>Puts 0xC3 0x28 into the middle of one property name (chosen at random, nested ones included).</summary>
    private static byte[] BreakKey(string line, Random random)
    {
        var root = JsonNode.Parse(line)!.AsObject();
        var owners = Objects(root).Where(o => o.Count > 0).ToList();
        var owner = owners[random.Next(owners.Count)];
        var name = owner.ElementAt(random.Next(owner.Count)).Key;
        var value = owner[name];
        owner.Remove(name);
        owner[Placeholder] = value?.DeepClone();
        var text = root.ToJsonString();
        var at = random.Next(name.Length + 1);
        byte[] broken = [(byte)'"', .. Encoding.UTF8.GetBytes(name[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(name[at..]), (byte)'"'];
        return Splice(text, JsonPlaceholder, broken);
    }

    /// <summary>Replaces one value (chosen at random among those <paramref name="fits"/>, else any) by raw JSON text.</summary>
    private static byte[] ReplaceValue(string line, Random random, Func<JsonNode, string> replacement, Func<JsonNode, bool>? fits = null)
    {
        var root = JsonNode.Parse(line)!.AsObject();
        var slots = Slots(root).ToList();
        var fitting = fits is null ? slots : slots.Where(s => s.Value is not null && fits(s.Value)).ToList();
        var (set, current) = (fitting.Count > 0 ? fitting : slots)[random.Next(fitting.Count > 0 ? fitting.Count : slots.Count)];
        var raw = current is null ? "null" : replacement(current);
        set(JsonValue.Create(Placeholder));
        return Splice(root.ToJsonString(), JsonPlaceholder, Encoding.UTF8.GetBytes(raw));
    }

    private static readonly string JsonPlaceholder = new JsonArray(JsonValue.Create(Placeholder)).ToJsonString()[1..^1];

    private static byte[] Splice(string text, string marker, byte[] inserted)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. inserted, .. Encoding.UTF8.GetBytes(text[(at + marker.Length)..])];
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Objects))
                {
                    yield return inner;
                }
                break;
        }
    }

    /// <summary>Every value of the line with a way to overwrite it: object properties and array items, at any depth.</summary>
    private static IEnumerable<(Action<JsonNode> Set, JsonNode? Value)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o.ToList())
            {
                yield return (v => o[name] = v, value);
                if (value is not null)
                {
                    foreach (var inner in Slots(value))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                var index = i;
                yield return (v => a[index] = v, a[i]);
                if (a[i] is { } item)
                {
                    foreach (var inner in Slots(item))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
