using System.Text.RegularExpressions;
using DevEx.SampleOrg;

namespace DevEx.SampleOrg.Tests;

public sealed class SamplePrngTests
{
    [Fact]
    public void The_same_seed_and_label_give_the_same_stream_and_other_labels_another()
    {
        var a = SamplePrng.For(42, "repository", 3);
        var b = SamplePrng.For(42, "repository", 3);
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
        Assert.NotEqual(SamplePrng.For(42, "repository", 4).NextUInt64(), SamplePrng.For(42, "repository", 3).NextUInt64());
        Assert.NotEqual(SamplePrng.For(43, "repository", 3).NextUInt64(), SamplePrng.For(42, "repository", 3).NextUInt64());
    }

    [Fact]
    public void Stable_hash_is_fnv1a()
    {
        // Published FNV-1a 64-bit test vectors.
        Assert.Equal(14695981039346656037UL, SamplePrng.StableHash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, SamplePrng.StableHash("a"));
    }

    [Fact]
    public void Draws_stay_in_range()
    {
        var rng = new SamplePrng(1);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(rng.Next(7), 0, 6);
            Assert.InRange(rng.NextDouble(), 0.0, 0.9999999999);
        }
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), rng.NextSha());
    }

    [Fact]
    public void Log_normal_has_the_requested_median()
    {
        var rng = new SamplePrng(2);
        var samples = Enumerable.Range(0, 20_001).Select(_ => rng.LogNormal(10, 0.8)).Order().ToList();
        Assert.InRange(samples[10_000], 9.5, 10.5);
        Assert.All(samples, s => Assert.True(s > 0));
    }

    [Fact]
    public void Poisson_and_exponential_have_the_requested_mean()
    {
        var rng = new SamplePrng(3);
        Assert.InRange(Enumerable.Range(0, 20_000).Average(_ => rng.Poisson(3)), 2.9, 3.1);
        Assert.InRange(Enumerable.Range(0, 20_000).Average(_ => rng.Poisson(50)), 49.5, 50.5);
        Assert.InRange(Enumerable.Range(0, 20_000).Average(_ => rng.Exponential(2)), 1.9, 2.1);
        Assert.Equal(0, rng.Poisson(0));
    }
}
