using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Reads a panel's <c>kind</c> as dashboards/README.md writes it (camelCase, any letter case accepted) and, for anything
/// else, says which kinds there are: the author of a dashboard file should not have to read a .NET type name.
/// </summary>
internal sealed class PanelKindConverter : JsonConverter<PanelKind>
{
    private static readonly IReadOnlyList<(PanelKind Kind, string Name)> Kinds =
        [.. Enum.GetValues<PanelKind>().Select(k => (k, JsonNamingPolicy.CamelCase.ConvertName(k.ToString())))];

    /// <summary>"stat, line, bar, stackedBar, table, pivot or distribution".</summary>
    public static string Names => $"{string.Join(", ", Kinds.SkipLast(1).Select(k => k.Name))} or {Kinds[^1].Name}";

    public override PanelKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var (kind, name) in Kinds)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        var found = text is null ? $"a JSON {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{text}'";
        throw new JsonException($"kind must be {Names}, not {found}.");
    }

    public override void Write(Utf8JsonWriter writer, PanelKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Kinds.First(k => k.Kind == value).Name);
}
