namespace DevEx.Server.Dashboards;

/// <summary>
/// How many panels are computed at once, over all requests (section DevEx:DashboardPanels): each computation holds a
/// DuckDB connection and a thread, so a page of 12 panels opened by ten people queues instead of running 120 at once.
/// </summary>
internal sealed class PanelConcurrencyOptions
{
    public const string Section = "DevEx:DashboardPanels";

    /// <summary>Panels computed at once; default the processor count (at least 2).</summary>
    public int Concurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);
}

/// <summary>The shared gate of <see cref="PanelConcurrencyOptions.Concurrency"/> panel computations.</summary>
internal sealed class PanelGate(Microsoft.Extensions.Options.IOptions<PanelConcurrencyOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.Concurrency, options.Value.Concurrency);

    /// <summary>Runs <paramref name="work"/> (synchronous database work) on the thread pool once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
