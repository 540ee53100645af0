using System.Globalization;
using System.Text.RegularExpressions;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// An sRGB colour as getComputedStyle writes it (<c>rgb(r, g, b)</c> or <c>rgba(r, g, b, a)</c>), with the WCAG 2.x
/// relative luminance and alpha compositing that contrast checks need.
/// </summary>
public sealed partial record CssColour(double R, double G, double B, double A = 1)
{
    public static readonly CssColour White = new(255, 255, 255);

    public static CssColour Parse(string css)
    {
        var match = RgbPattern().Match(css.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{css}' is not an rgb()/rgba() colour as getComputedStyle writes it.");
        }
        double Number(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new CssColour(Number(1), Number(2), Number(3), match.Groups[4].Success ? Number(4) : 1);
    }

    /// <summary>This colour painted over an opaque <paramref name="backdrop"/> (source-over).</summary>
    public CssColour Over(CssColour backdrop) => new(
        A * R + (1 - A) * backdrop.R,
        A * G + (1 - A) * backdrop.G,
        A * B + (1 - A) * backdrop.B);

    /// <summary>WCAG 2.x relative luminance: linearised sRGB channels weighted 0.2126, 0.7152, 0.0722.</summary>
    public double RelativeLuminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rgba({R:0.#}, {G:0.#}, {B:0.#}, {A:0.##})");

    // WCAG 2.x writes 0.03928; sRGB's 0.04045 differs only for channel values 10 of 255, which both map below either.
    private static double Linear(double channel)
    {
        var c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex(@"^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$")]
    private static partial Regex RgbPattern();
}
