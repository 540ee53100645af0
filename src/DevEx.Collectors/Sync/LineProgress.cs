namespace DevEx.Collectors.Sync;

/// <summary>
/// Progress reported at once, on the reporting thread, in order (<see cref="Progress{T}"/> posts each report to the
/// thread pool, so a command's lines could come after its last line, or out of order).
/// </summary>
public sealed class LineProgress(Action<string> report) : IProgress<string>
{
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}
