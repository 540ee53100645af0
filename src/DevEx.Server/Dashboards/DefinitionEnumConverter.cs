using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Reads an enum property of a dashboard file (a panel's <c>kind</c>, a panel's or page's <c>shows</c>) as
/// dashboards/README.md writes it (camelCase, any letter case accepted) and, for anything else, says which values there
/// are: the author of a dashboard file should not have to read a .NET type name.
/// </summary>
internal sealed class DefinitionEnumConverter<TEnum>(string property) : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly IReadOnlyList<(TEnum Value, string Name)> Values =
        [.. Enum.GetValues<TEnum>().Select(v => (v, JsonNamingPolicy.CamelCase.ConvertName(v.ToString())))];

    /// <summary>The names as a list a person reads: "stat, line, bar, stackedBar, table, pivot or distribution".</summary>
    public static string Names => $"{string.Join(", ", Values.SkipLast(1).Select(v => v.Name))} or {Values[^1].Name}";

    /// <summary>The name a dashboard file uses for <paramref name="value"/>.</summary>
    public static string Name(TEnum value) => Values.First(v => v.Value.Equals(value)).Name;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var (value, name) in Values)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        var found = text is null ? $"a JSON {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{text}'";
        throw new JsonException($"{property} must be {Names}, not {found}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));
}
