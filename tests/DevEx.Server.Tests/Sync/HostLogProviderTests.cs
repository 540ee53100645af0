using DevEx.Server.Sync;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace DevEx.Server.Tests.Sync;

public sealed class HostLogProviderTests
{
    [Fact]
    public void Hangfire_logs_through_the_host_while_it_runs_and_stays_quiet_after_it_stopped()
    {
        var written = new List<string>();
        var factory = LoggerFactory.Create(logging => logging.AddProvider(new ListProvider(written)));
        var provider = new HostLogProvider(factory);

        Assert.True(provider.GetLogger("Hangfire.Server").Log(HangfireLevel.Warn, () => "worker restarted"));
        factory.Dispose();
        var afterStop = provider.GetLogger("Hangfire.Processing");

        Assert.False(afterStop.Log(HangfireLevel.Warn, () => "after the host stopped"));
        Assert.Equal(["Hangfire.Server: worker restarted"], written);
    }

    private sealed class ListProvider(List<string> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, written);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(string category, List<string> written) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Add($"{category}: {formatter(state, exception)}");
    }
}
