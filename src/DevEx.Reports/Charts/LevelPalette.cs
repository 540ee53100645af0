using System.Globalization;

namespace DevEx.Reports.Charts;

/// <summary>
/// The colours of DORA level badges, shared by pages, charts and reports. Chosen from the Okabe–Ito palette's
/// darker range so the four levels stay apart for colour-blind readers, and dark enough that white badge text
/// meets WCAG AA contrast (4.5:1); the level is always written out too, never told by colour alone.
/// </summary>
public static class LevelPalette
{
    public const string BadgeText = "#ffffff";

    private static readonly Dictionary<string, string> Backgrounds = new(StringComparer.Ordinal)
    {
        ["elite"] = "#00664f", // bluish green
        ["high"] = "#005a9c",  // blue
        ["medium"] = "#8a4f00", // orange, darkened
        ["low"] = "#a8001e",   // vermillion, darkened
    };

    public static IReadOnlyCollection<string> Levels => Backgrounds.Keys;

    public static string Background(string level) =>
        Backgrounds.TryGetValue(level, out var colour) ? colour : throw new ArgumentOutOfRangeException(nameof(level), level, "elite, high, medium or low");

    /// <summary>WCAG 2 contrast ratio of two #rrggbb colours (1 to 21).</summary>
    public static double ContrastRatio(string foreground, string background)
    {
        var a = RelativeLuminance(foreground);
        var b = RelativeLuminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>CSS rules for the badges: <c>.level.elite</c> and so on.</summary>
    public static string Css() => string.Concat(Backgrounds.Select(kv =>
        $".level.{kv.Key}{{background:{kv.Value};color:{BadgeText}}}"));

    private static double RelativeLuminance(string hex)
    {
        static double Channel(string hex, int offset)
        {
            var value = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }
        var digits = hex.TrimStart('#');
        if (digits.Length != 6)
        {
            throw new FormatException($"'{hex}' is not a #rrggbb colour.");
        }
        return 0.2126 * Channel(digits, 0) + 0.7152 * Channel(digits, 2) + 0.0722 * Channel(digits, 4);
    }
}
