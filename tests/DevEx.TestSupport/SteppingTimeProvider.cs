namespace DevEx.TestSupport;

/// <summary>
/// A fake clock for code that waits with <c>Task.Delay(delay, timeProvider)</c>: every timer fires at once and moves
/// the clock forward by its due time (timeouts excepted: they run on the real clock), so a test neither sleeps nor has to advance the clock from another thread, and
/// <see cref="Delays"/> records what was asked for. Periodic timers fire once. <see cref="Advance"/> moves the clock
/// by hand (token expiry).
/// </summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<TimeSpan> delays = [];
    private DateTimeOffset now = start;

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (gate)
            {
                return delays.ToArray();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (state is CancellationTokenSource)
        {
            // A timeout (CancellationTokenSource(delay, timeProvider), as Polly's timeout strategy makes, possibly
            // created disarmed and armed with Change), not a wait:
            // it runs in real time, or every attempt would be cancelled the moment it starts.
            return System.CreateTimer(callback, state, dueTime, period);
        }
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new FiredTimer();
        }
        lock (gate)
        {
            delays.Add(dueTime);
            now += dueTime;
        }
        // Not inline: the caller (Task.Delay) is still setting itself up.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
