using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Collectors.Import;

/// <summary>
/// Typed, validating access to the fields of one import record. Every failure names the field, so a reject
/// says what was wrong and where. Timestamps must carry an offset or Z; the timing's shift moves every instant
/// and <see cref="ImportTiming.NotAfter"/> cuts off the future (both used only when the bundled sample is seeded).
/// </summary>
internal readonly struct JsonRecord(JsonElement element, ImportTiming timing, StringPool? pool = null)
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.ExtendedIso;

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw Missing(name);

    public string? OptionalString(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => Text(value, name),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new ImportLineException($"field '{name}' must be a string"),
        };
    }

    /// <summary>A value records repeat (a repository, an author, a status): one string per distinct value of a chunk.</summary>
    public string RequiredName(string name) =>
        OptionalName(name) is { Length: > 0 } value ? value : throw Missing(name);

    /// <inheritdoc cref="RequiredName"/>
    public string? OptionalName(string name)
    {
        if (pool is null || !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return OptionalString(name);
        }
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        return raw.Contains((byte)'\\') ? Text(value, name) : pool.Get(raw);
    }

    public int RequiredInt(string name) => OptionalInt(name) ?? throw Missing(name);

    public int? OptionalInt(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && int.TryParse(Text(value, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        throw new ImportLineException($"field '{name}' must be an integer, got {value.GetRawText()}");
    }

    public bool? OptionalBool(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ImportLineException($"field '{name}' must be true or false, got {value.GetRawText()}"),
        };
    }

    /// <summary>A required time; a record whose required time lies past the cut-off is skipped whole.</summary>
    public Instant RequiredInstant(string name)
    {
        var instant = ShiftedInstant(name) ?? throw Missing(name);
        return timing.IsFuture(instant) ? throw new FutureRecordException() : instant;
    }

    /// <summary>An optional time; past the cut-off it reads as not (yet) happened.</summary>
    public Instant? OptionalInstant(string name) => ShiftedInstant(name) is { } instant && !timing.IsFuture(instant) ? instant : null;

    /// <summary>
    /// A required time of an item of an array (<paramref name="array"/>[<paramref name="index"/>]), named so in a
    /// reject; past the cut-off it reads as null (not happened yet). The item's path is built only for a reject.
    /// </summary>
    public Instant? RequiredItemInstant(string name, string array, int index)
    {
        if (element.TryGetProperty(name, out var raw) && raw.ValueKind == JsonValueKind.String
            && Utf8Timestamp.TryParse(JsonMarshal.GetRawUtf8Value(raw)[1..^1], out var parsed))
        {
            var instant = parsed.ToInstant() + timing.Shift;
            return timing.IsFuture(instant) ? null : instant;
        }
        var path = $"{array}[{index}].{name}";
        var text = OptionalString(name) ?? throw new ImportLineException($"required field '{path}' is missing or empty");
        ParseInstant(text, path);
        return OptionalInstant(name);
    }

    /// <summary>True when the field holds a time that the cut-off removed.</summary>
    public bool IsCutOff(string name) => ShiftedInstant(name) is { } instant && timing.IsFuture(instant);

    private Instant? ShiftedInstant(string name)
    {
        if (element.TryGetProperty(name, out var raw) && raw.ValueKind == JsonValueKind.String
            && Utf8Timestamp.TryParse(JsonMarshal.GetRawUtf8Value(raw)[1..^1], out var parsed))
        {
            return parsed.ToInstant() + timing.Shift;
        }
        var text = OptionalString(name);
        return text is null ? null : ParseInstant(text, name) + timing.Shift;
    }

    public static Instant ParseInstant(string text, string name)
    {
        var result = Pattern.Parse(text);
        if (result.Success)
        {
            return InStoredRange(result.Value, text, name);
        }
        if (LocalDateTimePattern.ExtendedIso.Parse(text).Success)
        {
            throw new ImportLineException($"field '{name}' has timestamp '{text}' without an offset; write Z or +hh:mm");
        }
        throw new ImportLineException($"field '{name}' has invalid timestamp '{text}' (expected ISO-8601 with offset, e.g. 2026-02-02T09:00:00Z)");
    }

    public string? OptionalEnum(string name, params ReadOnlySpan<string> allowed)
    {
        if (element.TryGetProperty(name, out var raw) && raw.ValueKind == JsonValueKind.String)
        {
            // The value as written, compared without decoding it into a string; any other casing takes the path below.
            foreach (var candidate in allowed)
            {
                if (raw.ValueEquals(candidate))
                {
                    return candidate;
                }
            }
        }
        var value = OptionalString(name);
        if (value is null)
        {
            return null;
        }
        // A loop, not FirstOrDefault with a lambda: that allocated a closure for every field of every record.
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        throw new ImportLineException($"field '{name}' has unknown value '{value}' (expected one of {string.Join(", ", allowed)})");
    }

    public string RequiredEnum(string name, params ReadOnlySpan<string> allowed) => OptionalEnum(name, allowed) ?? throw Missing(name);

    /// <param name="pooled">True for values records repeat (labels), as <see cref="OptionalName"/>.</param>
    public IReadOnlyList<string> StringArray(string name, bool required = false, bool pooled = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Missing(name) : [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ImportLineException($"field '{name}' must be an array");
        }
        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new ImportLineException($"field '{name}' must hold strings");
            }
            var raw = JsonMarshal.GetRawUtf8Value(item)[1..^1];
            items.Add(pooled && pool is not null && !raw.Contains((byte)'\\') ? pool.Get(raw) : Text(item, name));
        }
        return items;
    }

    /// <summary>The length of an array field; 0 when absent or not an array (the readers of the field say why).</summary>
    public int ArrayLength(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;

    public IEnumerable<JsonRecord> ObjectArray(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ImportLineException($"field '{name}' must be an array");
        }
        var (timingCopy, poolCopy) = (timing, pool);
        return value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object
            ? new JsonRecord(item, timingCopy, poolCopy)
            : throw new ImportLineException($"field '{name}' must hold objects")).ToList();
    }

    public JsonRecord? OptionalObject(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object
            ? new JsonRecord(value, timing, pool)
            : throw new ImportLineException($"field '{name}' must be an object");
    }

    /// <summary>
    /// A string's text. The parser accepts escapes that are not text (a lone surrogate such as \ud800); reading one
    /// fails, and the reject names the field.
    /// </summary>
    private static string Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new ImportLineException($"field '{name}' is not valid text: {e.Message}");
        }
    }

    /// <summary>
    /// The instant of a parsed timestamp, if it lies in [1970-01-01, 9999-01-01] UTC: the dates a metric window may
    /// have (MetricRequestResolver), for the same reasons: no earlier data exists, and later ones would overflow the
    /// calendars the derivations build. Years 1 and 9999 with an offset cannot even be held as a UTC instant.
    /// </summary>
    private static Instant InStoredRange(OffsetDateTime value, string text, string name)
    {
        if (value.Year is > 1970 and < 9998)
        {
            return value.ToInstant(); // a year or more from either end, whatever the offset (at most 18 h)
        }
        if (value.Year < 1)
        {
            throw OutOfRange(text, name);
        }
        // In ticks of DateTime, which holds any local time of years 1-9999: no instant is built before it is known to exist.
        var utcTicks = value.LocalDateTime.ToDateTimeUnspecified().Ticks - value.Offset.Ticks;
        return utcTicks < EarliestTicks || utcTicks > LatestTicks ? throw OutOfRange(text, name) : value.ToInstant();
    }

    private static readonly long EarliestTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly long LatestTicks = new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static ImportLineException OutOfRange(string text, string name) =>
        new($"field '{name}' has timestamp '{text}', which lies outside 1970-01-01 to 9999-01-01 in UTC");

    private static ImportLineException Missing(string name) => new($"required field '{name}' is missing or empty");
}
