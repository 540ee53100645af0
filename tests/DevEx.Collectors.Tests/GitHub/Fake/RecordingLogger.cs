using Microsoft.Extensions.Logging;

namespace DevEx.Collectors.Tests.GitHub.Fake;

/// <summary>Keeps every formatted log message (and exception text), to assert what was, or was not, logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Lock gate = new();
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = $"{logLevel}: {formatter(state, exception)} {exception}";
        lock (gate)
        {
            messages.Add(message);
        }
    }
}
