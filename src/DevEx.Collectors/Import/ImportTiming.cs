using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// How instants of an import are adjusted. A user's import never changes a timestamp (<see cref="AsWritten"/>).
/// Seeding the bundled sample shifts it by whole weeks so that its last week is the current one, and leaves out
/// what would then lie in the future: a record that starts after <see cref="NotAfter"/> is skipped, and a later
/// optional time (a merge, a resolution, a completion) is left empty, as it would be had it not happened yet.
/// </summary>
public sealed record ImportTiming(Duration Shift, Instant? NotAfter)
{
    public static ImportTiming AsWritten { get; } = new(Duration.Zero, null);

    public bool IsFuture(Instant shifted) => NotAfter is { } cutoff && shifted > cutoff;
}

/// <summary>A record that lies wholly after <see cref="ImportTiming.NotAfter"/>: skipped, not rejected.</summary>
internal sealed class FutureRecordException() : Exception("record lies in the future");
