using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Written out here rather than using System.Random because the sample must
/// be byte-identical for the same seed on every .NET version, and Random's seeded algorithm is not a documented
/// contract. Streams are derived from (seed, label, index) so that adding a team does not shift every other team.
/// </summary>
internal sealed class SamplePrng
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public SamplePrng(ulong seed)
    {
        var state = seed;
        s0 = SplitMix64(ref state);
        s1 = SplitMix64(ref state);
        s2 = SplitMix64(ref state);
        s3 = SplitMix64(ref state);
    }

    /// <summary>An independent stream for one named part of the organisation.</summary>
    public static SamplePrng For(int seed, string label, int index = 0)
    {
        var state = (ulong)(uint)seed ^ StableHash(label);
        var mixed = SplitMix64(ref state) ^ ((ulong)(uint)index * 0x9E3779B97F4A7C15UL);
        return new SamplePrng(SplitMix64(ref mixed));
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) =>
        maxExclusive <= 0 ? 0 : (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal by Box–Muller (one value per call keeps the stream easy to reason about).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median: most durations in software delivery are shaped like this.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Poisson count (Knuth for small means, a rounded normal above 30 where Knuth gets slow).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }
        return count;
    }

    /// <summary>A log-normal duration rounded to whole seconds (timestamps are written to the second).</summary>
    public Duration LogNormalDuration(Duration median, double sigma, Duration? max = null)
    {
        var seconds = Math.Max(1.0, Math.Round(LogNormal(median.TotalSeconds, sigma)));
        if (max is { } cap)
        {
            seconds = Math.Min(seconds, cap.TotalSeconds);
        }
        return Duration.FromSeconds((long)seconds);
    }

    public Duration UniformDuration(Duration min, Duration max) =>
        Duration.FromSeconds((long)Math.Round(Uniform(min.TotalSeconds, max.TotalSeconds)));

    /// <summary>A 40-hex-digit commit id; 160 random bits make collisions irrelevant.</summary>
    public string NextSha()
    {
        var a = NextUInt64();
        var b = NextUInt64();
        var c = (uint)NextUInt64();
        return string.Create(40, (a, b, c), static (span, parts) =>
        {
            parts.a.TryFormat(span[..16], out _, "x16");
            parts.b.TryFormat(span.Slice(16, 16), out _, "x16");
            parts.c.TryFormat(span.Slice(32, 8), out _, "x8");
        });
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }
        return hash;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));
}
