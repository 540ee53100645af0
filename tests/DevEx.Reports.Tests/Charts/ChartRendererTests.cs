using System.Text.RegularExpressions;
using System.Xml.Linq;
using DevEx.Reports.Charts;

namespace DevEx.Reports.Tests.Charts;

public sealed class ChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartSpec Deployments(params ChartSeries[] series) => new(
        ChartKind.Line, "Deployments per week", "ISO week", "deployments",
        ["2026-W44", "2026-W45", "2026-W46", "2026-W47"], series);

    [Fact]
    public void Svg_is_well_formed_inline_markup_with_an_accessible_name()
    {
        var chart = ChartRenderer.Svg(Deployments(new ChartSeries("deployments", [3, 18, 5, 11])));

        Assert.DoesNotContain("<?xml", chart.Svg);
        var root = XDocument.Parse(chart.Svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal(chart.TextAlternative, (string?)root.Attribute("aria-label"));
        Assert.Equal("Deployments per week", root.Element(Svg + "title")!.Value);
        Assert.Equal(chart.TextAlternative, root.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Ids_differ_between_two_charts_and_every_reference_points_inside_its_own_chart()
    {
        var spec = Deployments(new ChartSeries("deployments", [3, 18, 5, 11]));
        var first = XDocument.Parse(ChartRenderer.Svg(spec).Svg);
        var second = XDocument.Parse(ChartRenderer.Svg(spec).Svg);

        var firstIds = Ids(first);
        var secondIds = Ids(second);
        Assert.NotEmpty(firstIds);
        Assert.Empty(firstIds.Intersect(secondIds));
        foreach (var (doc, ids) in new[] { (first, firstIds), (second, secondIds) })
        {
            var references = doc.Descendants().Attributes().SelectMany(a => Regex.Matches(a.Value, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value));
            Assert.All(references, r => Assert.Contains(r, ids));
        }
    }

    [Fact]
    public void Two_series_are_drawn_in_the_first_two_Okabe_Ito_colours_with_a_legend()
    {
        var svg = ChartRenderer.Svg(Deployments(new ChartSeries("api", [1, 2, 3, 4]), new ChartSeries("web", [4, 3, 2, 1]))).Svg;

        Assert.Contains("#0072B2", svg, StringComparison.OrdinalIgnoreCase); // blue
        Assert.Contains("#E69F00", svg, StringComparison.OrdinalIgnoreCase); // orange
        Assert.Contains(">api</text>", svg);
        Assert.Contains(">web</text>", svg);
    }

    [Fact]
    public void A_series_with_its_own_colour_keeps_it_whatever_its_place()
    {
        // First and second, but coloured reddish purple and sky blue (the fifth and sixth palette colours), not blue and orange.
        var svg = ChartRenderer.Svg(Deployments(new ChartSeries("api", [1, 2, 3, 4], ChartPalette.ForSeries(4)),
            new ChartSeries("web", [4, 3, 2, 1], ChartPalette.ForSeries(5)))).Svg;

        Assert.Contains("#CC79A7", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#56B4E9", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("#0072B2", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("#E69F00", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_alternative_gives_range_and_latest_value_of_each_series()
    {
        var spec = Deployments(new ChartSeries("deployments", [3, 18, 5, 11]), new ChartSeries("rollbacks", [0, 1.25, 2, 0.5]));

        Assert.Equal(
            "Line chart 'Deployments per week' in deployments, 4 weeks from 2026-W44 to 2026-W47. "
            + "deployments: from 3 to 18, latest 11. rollbacks: from 0 to 2, latest 0.5.",
            ChartRenderer.TextAlternative(spec));
    }

    [Fact]
    public void Null_values_are_gaps_named_in_the_text_alternative()
    {
        var spec = Deployments(new ChartSeries("deployments", [4, null, 7, null]));

        Assert.Equal(
            "Line chart 'Deployments per week' in deployments, 4 weeks from 2026-W44 to 2026-W47. "
            + "deployments: from 4 to 7, latest 7 in 2026-W46; no data for 2026-W45, 2026-W47.",
            ChartRenderer.TextAlternative(spec));
        XDocument.Parse(ChartRenderer.Svg(spec).Svg);
    }

    [Fact]
    public void A_single_series_has_no_legend()
    {
        var svg = ChartRenderer.Svg(Deployments(new ChartSeries("Production deployments", [3, 18, 5, 11]))).Svg;
        Assert.DoesNotContain(">Production deployments</text>", svg); // the title and the axis say what the one series is
    }

    [Fact]
    public void Horizontal_bars_list_long_category_names_down_the_left_axis()
    {
        var spec = new ChartSpec(ChartKind.HorizontalBar, "Where time was lost", "", "working hours (total)",
            ["Waiting for first review", "Approved, not merged"], [new ChartSeries("hours", [9.5, 2])]);
        var chart = ChartRenderer.Svg(spec);

        XDocument.Parse(chart.Svg);
        Assert.Contains(">Waiting for first review</text>", chart.Svg);
        Assert.Contains(">Approved, not merged</text>", chart.Svg);
        Assert.Contains(">working hours (total)</text>", chart.Svg);
        Assert.DoesNotContain("rotate(-45", chart.Svg);
        Assert.StartsWith("Bar chart 'Where time was lost' in working hours (total)", chart.TextAlternative);
    }

    [Theory]
    [InlineData(ChartKind.Line)]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.StackedBar)]
    [InlineData(ChartKind.HorizontalBar)]
    [InlineData(ChartKind.Distribution)]
    public void Empty_and_all_null_data_render_a_no_data_chart(ChartKind kind)
    {
        var allNull = new ChartSpec(kind, "Lead time", "ISO week", "hours", ["2026-W46", "2026-W47"], [new ChartSeries("a", [null, null])]);
        var noSeries = new ChartSpec(kind, "Lead time", "ISO week", "hours", [], []);

        foreach (var spec in new[] { allNull, noSeries })
        {
            var chart = ChartRenderer.Svg(spec);
            Assert.Contains(">No data</text>", chart.Svg);
            Assert.EndsWith(": no data in this window.", chart.TextAlternative);
            XDocument.Parse(chart.Svg);
        }
    }

    [Fact]
    public void Distribution_bins_have_round_edges_and_hand_counted_sizes()
    {
        // Sorted 1, 2, 2, 3, 10: Q1 at rank 1 = 2, Q3 at rank 3 = 3, IQR 1. Sturges: (10 - 1) / ceil(log2 5 + 1) = 9 / 4 = 2.25;
        // Freedman–Diaconis: 2 × 1 / cbrt 5 = 1.17; the smaller, 1.17, rounds up to 2; first edge 0. Fence 3 + 1.5 = 4.5, to
        // the next edge 6: 10 is past it, in the overflow bin [6, 10].
        var bins = Histogram.Bin([1, 2, 2, 3, 10]);

        Assert.Equal([0, 2, 4, 6], bins.Select(b => b.Lower));
        Assert.Equal([2, 4, 6, 10], bins.Select(b => b.Upper));
        Assert.Equal([1, 3, 0, 1], bins.Select(b => b.Count));
        Assert.Equal([false, false, false, true], bins.Select(b => b.Overflow));
    }

    [Fact]
    public void Distribution_text_alternative_gives_median_and_fullest_bin()
    {
        var spec = new ChartSpec(ChartKind.Distribution, "Review wait", "hours", "pull requests", [], [new ChartSeries("wait", [1, 2, 2, 3, 10])]);

        Assert.Equal(
            "Histogram 'Review wait', 5 samples of hours: from 1 to 10, median 2. Most samples (3) are between 2 and 4.",
            ChartRenderer.TextAlternative(spec));
    }

    [Fact]
    public void Distribution_of_one_sample_renders()
    {
        var spec = new ChartSpec(ChartKind.Distribution, "Review wait", "hours", "", [], [new ChartSeries("wait", [4])]);

        Assert.Single(Histogram.Bin([4]), new HistogramBin(3.5, 4.5, 1));
        Assert.Equal("Histogram 'Review wait', 1 sample of hours: 4.", ChartRenderer.Svg(spec).TextAlternative);
    }

    [Fact]
    public void Titles_with_markup_characters_stay_well_formed()
    {
        var spec = new ChartSpec(ChartKind.Bar, "Reviews <24h & \"fast\"", "team", "share", ["R&D", "Ops"], [new ChartSeries("share", [0.5, 0.75])]);

        var root = XDocument.Parse(ChartRenderer.Svg(spec).Svg).Root!;
        Assert.Equal("Reviews <24h & \"fast\"", root.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Png_has_the_signature_and_the_requested_size()
    {
        var png = ChartRenderer.Png(Deployments(new ChartSeries("deployments", [3, 18, 5, 11])), 640, 240);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR follows the signature: width and height as big-endian 32-bit integers at bytes 16 and 20.
        Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(240, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Charts_render_concurrently()
    {
        var spec = Deployments(new ChartSeries("api", [1, 2, 3, 4]), new ChartSeries("web", [4, null, 2, 1]));
        var expected = ChartRenderer.TextAlternative(spec);

        var charts = new RenderedChart[16];
        Parallel.For(0, charts.Length, i => charts[i] = ChartRenderer.Svg(spec));

        Assert.All(charts, c => Assert.Equal(expected, c.TextAlternative));
        Assert.Equal(charts.Length, charts.Select(c => Ids(XDocument.Parse(c.Svg)).First()).Distinct().Count());
    }

    private static HashSet<string> Ids(XDocument doc) =>
        doc.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
}
