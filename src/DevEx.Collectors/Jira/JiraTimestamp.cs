using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Collectors.Jira;

/// <summary>
/// Jira's timestamps: ISO strings whose offset has no colon ("2020-07-13T11:04:20.474-0700", "+0000"), ISO strings
/// with one or with Z, and epoch milliseconds as JSON integers (getBulkChangelogs).
/// </summary>
public static class JiraTimestamp
{
    private static readonly OffsetDateTimePattern[] Patterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HHmm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
    ];

    /// <summary>The date-time with the offset Jira wrote, or null when absent or unreadable.</summary>
    public static OffsetDateTime? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        foreach (var pattern in Patterns)
        {
            if (pattern.Parse(text.Trim()) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }
        return null;
    }

    public static Instant? Parse(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var milliseconds) => Instant.FromUnixTimeMilliseconds(milliseconds),
        JsonValueKind.String => ParseOffset(value.GetString())?.ToInstant(),
        _ => null,
    };
}
