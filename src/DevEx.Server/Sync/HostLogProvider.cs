using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace DevEx.Server.Sync;

/// <summary>
/// Hangfire's logging goes through one process-wide provider, set by the last host to start. A host stopped since then
/// has disposed its logger factory, so asking it for a logger would throw; Hangfire's parts then log nothing instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
