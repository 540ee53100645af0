using DevEx.Reports.Charts;

namespace DevEx.Reports.Tests.Charts;

public sealed class LevelPaletteTests
{
    [Fact]
    public void Contrast_ratio_matches_the_wcag_reference_values()
    {
        Assert.Equal(21.0, LevelPalette.ContrastRatio("#000000", "#ffffff"), 6);
        Assert.Equal(1.0, LevelPalette.ContrastRatio("#777777", "#777777"), 6);
        // #777777 on white is the well-known just-below-AA grey: 4.48:1.
        Assert.Equal(4.48, LevelPalette.ContrastRatio("#777777", "#ffffff"), 2);
    }

    [Theory]
    [InlineData("elite")]
    [InlineData("high")]
    [InlineData("medium")]
    [InlineData("low")]
    public void Every_badge_meets_wcag_aa_for_normal_text(string level)
    {
        Assert.True(LevelPalette.ContrastRatio(LevelPalette.BadgeText, LevelPalette.Background(level)) >= 4.5);
    }

    [Fact]
    public void Unknown_levels_and_bad_colours_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelPalette.Background("excellent"));
        Assert.Throws<FormatException>(() => LevelPalette.ContrastRatio("#fff", "#000000"));
    }

    [Fact]
    public void Css_has_a_rule_per_level()
    {
        var css = LevelPalette.Css();
        Assert.Equal(4, LevelPalette.Levels.Count);
        Assert.Contains(".level.low{background:#a8001e;color:#ffffff}", css);
    }
}
