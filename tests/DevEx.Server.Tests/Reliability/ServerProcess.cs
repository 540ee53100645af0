using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// The service as a process of its own (<c>dotnet DevEx.Server.dll --db FILE --urls http://127.0.0.1:PORT</c>), from
/// the build next to the tests, so a test can kill it with SIGKILL (<see cref="Kill"/>: no shutdown hook runs) and start
/// another on the same file. What it prints is kept (<see cref="Output"/>) for the failure messages.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    /// <summary>Starts the service on <paramref name="database"/> and waits until /healthz answers.</summary>
    /// <param name="settings">More switches (<c>--DevEx:GitHub:Token</c>, <c>x</c>).</param>
    /// <param name="environment">Variables for the process (TMPDIR).</param>
    public static async Task<ServerProcess> StartAsync(string database, IEnumerable<string>? settings = null, IDictionary<string, string>? environment = null)
    {
        var server = Launch(database, settings, environment);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Starts the service on <paramref name="database"/> expecting it to refuse: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string database)
    {
        using var server = Launch(database, null, null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await server.process.WaitForExitAsync(timeout.Token);
        return (server.process.ExitCode, server.Output);
    }

    private static ServerProcess Launch(string database, IEnumerable<string>? settings, IDictionary<string, string>? environment)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "DevEx.Server.dll"), "--db", database, "--urls", url,
            "--DevEx:SeedSampleData", "false", "--DevEx:WarmDashboards", "false", .. settings ?? []])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var server = new ServerProcess(Process.Start(start)!, new Uri(url));
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode} before it answered:\n{Output}");
            }
            try
            {
                using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, still starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The service did not answer /healthz within 90 s:\n{Output}");
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: the process gets no chance to commit, checkpoint or release anything.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>A normal stop (SIGTERM), waited for: the host's shutdown runs and DuckDB releases the file.</summary>
    public void Stop()
    {
        if (process.HasExited)
        {
            return;
        }
        using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        terminate.WaitForExit();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            Kill();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        Client.Dispose();
        process.Dispose();
    }
}
