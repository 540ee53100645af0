using NodaTime;

namespace DevEx.Server.Hosting;

/// <summary>
/// The service's one clock: NodaTime's <see cref="IClock"/> read from the <see cref="TimeProvider"/> in DI, so code that
/// counts instants (NodaTime) and code that waits (HTTP pipelines, delivery back-off) agree on what "now" is, and a test
/// that swaps the time provider moves both.
/// </summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
