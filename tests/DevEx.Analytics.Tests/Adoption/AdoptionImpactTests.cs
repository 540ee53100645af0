using DevEx.Analytics.Adoption;
using NodaTime;

namespace DevEx.Analytics.Tests.Adoption;

/// <summary>
/// The difference-in-differences of docs/adoption.md, "Impact", with 2-week sides on six ISO weeks W0 = 2026-01-05 … W5.
/// a1 adopts in W2, a2 in W3, c2 in W5, c1 never.
/// </summary>
public sealed class AdoptionImpactTests
{
    private static readonly LocalDate W0 = new(2026, 1, 5);

    private static LocalDate W(int i) => W0.PlusWeeks(i);

    private static readonly Dictionary<string, LocalDate?> Adopted = new()
    {
        ["a1"] = W(2), ["a2"] = W(3), ["c1"] = null, ["c2"] = W(5),
    };

    private static readonly List<ComponentWeek> Values =
    [
        new("a1", W(0), 10), new("a1", W(1), 12), new("a1", W(2), 6), new("a1", W(3), 8),
        new("a2", W(1), 20), new("a2", W(2), 20), new("a2", W(3), 14), new("a2", W(4), 16),
        new("c1", W(0), 10), new("c1", W(1), 10), new("c1", W(2), 12), new("c1", W(3), 12), new("c1", W(4), 14), new("c1", W(5), 14),
        new("c2", W(0), 30), new("c2", W(1), 30), new("c2", W(2), 30), new("c2", W(3), 30), new("c2", W(4), 30), new("c2", W(5), 20),
    ];

    [Fact]
    public void Each_adopters_change_less_its_not_yet_adopted_controls_change_averaged_over_adopters()
    {
        // By hand, before = median of [A-2, A), after = median of [A, A+2):
        //   a1 (W2): 11 -> 7 = -4; controls not adopted by W4: c1 10 -> 12 = +2, c2 30 -> 30 = 0; mean +1; effect -5.
        //   a2 (W3): 20 -> 15 = -5; controls not adopted by W5 (c2 adopts in W5: still one): c1 11 -> 13 = +2, c2 0; +1; -6.
        //   c2 (W5): 30 -> 20 = -10 (W6 has no value: one after-week is enough); controls: c1 13 -> 14 = +1; -11.
        // Adopters' change (-4 - 5 - 10) / 3 = -19/3; controls' (1 + 1 + 1) / 3 = 1; effect -22/3. Controls: c1, c2.
        var result = new AdoptionImpact(minimumComponents: 2, weeks: 2).Estimate(Values, Adopted);
        Assert.Equal((3, 2), (result.Adopters, result.Controls));
        Assert.Equal(-19.0 / 3, result.AdopterChange!.Value, 9);
        Assert.Equal(1.0, result.ControlChange!.Value, 9);
        Assert.Equal(-22.0 / 3, result.Effect!.Value, 9);
        Assert.Null(result.WithheldReason);
        Assert.InRange(result.Effect.Value, result.IntervalLow!.Value, result.IntervalHigh!.Value);
        // Seeded: the same interval every time it is computed.
        var again = new AdoptionImpact(minimumComponents: 2, weeks: 2).Estimate(Values, Adopted);
        Assert.Equal((result.IntervalLow, result.IntervalHigh), (again.IntervalLow, again.IntervalHigh));
    }

    [Fact]
    public void Below_the_minimum_of_five_per_side_the_comparison_is_withheld_with_its_counts()
    {
        var result = new AdoptionImpact(weeks: 2).Estimate(Values, Adopted);
        Assert.Null(result.Effect);
        Assert.Equal("3 adopting and 2 not-yet-adopted Components with figures on both sides; the comparison needs 5 of each", result.WithheldReason);
    }

    [Fact]
    public void An_adopter_without_a_figure_before_its_adoption_is_left_out()
    {
        // a3 adopts in W1 but has no value in [W-1, W1): only a1, a2, c2 adopt with figures on both sides.
        var values = Values.Append(new ComponentWeek("a3", W(1), 5)).Append(new ComponentWeek("a3", W(2), 5)).ToList();
        var adopted = new Dictionary<string, LocalDate?>(Adopted) { ["a3"] = W(1) };
        Assert.Equal(3, new AdoptionImpact(minimumComponents: 2, weeks: 2).Estimate(values, adopted).Adopters);
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2.0)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_is_the_middle_or_the_mean_of_the_two_middle_values(double[] values, double median) =>
        Assert.Equal(median, AdoptionImpact.Median(values));
}
