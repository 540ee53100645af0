namespace DevEx.Server.Tests.Browser;

/// <summary>The contrast maths on its own, against ratios worked out by hand from the WCAG 2.x formulas.</summary>
public sealed class CssColourTests
{
    [Theory]
    [InlineData("rgb(255, 255, 255)", "rgb(0, 0, 0)", 21.0)] // (1 + 0.05) / (0 + 0.05)
    [InlineData("rgb(0, 0, 0)", "rgb(255, 255, 255)", 21.0)] // order does not matter
    [InlineData("rgb(10, 20, 30)", "rgb(10, 20, 30)", 1.0)]
    [InlineData("rgb(118, 118, 118)", "rgb(255, 255, 255)", 4.54)] // #767676: L = ((118/255 + .055)/1.055)^2.4 = 0.1812; 1.05 / 0.2312
    [InlineData("rgb(119, 119, 119)", "rgb(255, 255, 255)", 4.48)] // #777: L = 0.1845; 1.05 / 0.2345, just below AA
    public void Contrast_ratio_follows_wcag(string foreground, string background, double expected) =>
        Assert.Equal(expected, Accessibility.ContrastRatio(CssColour.Parse(foreground), CssColour.Parse(background)), 2);

    [Fact]
    public void Translucent_colours_are_painted_over_their_backdrop()
    {
        var half = CssColour.Parse("rgba(0, 0, 0, 0.5)");
        Assert.Equal(new CssColour(127.5, 127.5, 127.5), half.Over(CssColour.White));
        Assert.Equal(new CssColour(0, 0, 0, 0.5), CssColour.Parse("rgb(0 0 0 / 0.5)"));
        Assert.Equal(CssColour.White, CssColour.Parse("rgba(0, 0, 0, 0)").Over(CssColour.White));
    }

    [Fact]
    public void Other_colour_syntaxes_are_refused() => Assert.Throws<FormatException>(() => CssColour.Parse("color(srgb 1 0 0)"));
}
