namespace DevEx.Collectors.Http;

/// <summary>
/// The random part of a retry backoff, a fraction in [0, 1) of the base delay. One instance is registered in DI so
/// tests can seed it (<see cref="Seeded"/>) or switch it off (<see cref="None"/>) and assert exact waits.
/// </summary>
public sealed class BackoffJitter
{
    private readonly Random? random;
    private readonly Lock gate = new();

    private BackoffJitter(Random? random) => this.random = random;

    public static BackoffJitter Shared { get; } = new(Random.Shared);

    public static BackoffJitter None { get; } = new(null);

    public static BackoffJitter Seeded(int seed) => new(new Random(seed));

    public double Next()
    {
        if (random is null)
        {
            return 0;
        }
        lock (gate)
        {
            return random.NextDouble();
        }
    }
}
