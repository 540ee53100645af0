using ScottPlot;
using SkiaSharp;

namespace DevEx.Reports.Charts;

/// <summary>
/// DejaVu Sans, shipped as an embedded resource (licence in Fonts/LICENSE-DejaVu.txt) so charts measure and
/// draw text the same on every machine, whatever fonts are installed. ScottPlot's font registry is process-wide,
/// so the resolver is added once, in the static constructor (which the runtime runs exactly once, thread-safely).
/// SVG text names the family; pages serve the same file through <see cref="OpenFontFile"/> with an @font-face
/// rule so browsers draw it with the metrics ScottPlot laid it out with.
/// </summary>
public static class ChartFont
{
    public const string Family = "DejaVu Sans";

    private static readonly byte[] Regular = Load("DejaVuSans.ttf");
    private static readonly byte[] Bold = Load("DejaVuSans-Bold.ttf");

    static ChartFont() => Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());

    /// <summary>Touch the class so the resolver is registered before a plot is built.</summary>
    internal static void EnsureRegistered() { }

    /// <summary>The TTF file, for pages that declare <c>@font-face { font-family: "DejaVu Sans" }</c>.</summary>
    public static Stream OpenFontFile(bool bold = false) => new MemoryStream(bold ? Bold : Regular, writable: false);

    private static byte[] Load(string file)
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream($"DevEx.Reports.Charts.Fonts.{file}")
            ?? throw new InvalidOperationException($"Embedded font {file} is missing from DevEx.Reports.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Answers only for <see cref="Family"/>; other names fall through to ScottPlot's system lookup.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private readonly SKTypeface regular = SKTypeface.FromData(SKData.CreateCopy(Regular));
        private readonly SKTypeface bold = SKTypeface.FromData(SKData.CreateCopy(Bold));

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? (bold ? this.bold : regular) : null;
    }
}
