using System.Diagnostics;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// The server as its own process (as it runs in production) on a database of the benches: DevEx.Server.dll, which the
/// project reference puts beside this program with its runtimeconfig and deps files, started by the dotnet host that
/// runs this program. Times are taken at the client over loopback: request sent to body read.
/// </summary>
internal sealed class BenchServer : IDisposable
{
    public const string Url = "http://127.0.0.1:5099";

    private readonly Process process;

    private BenchServer(Process process)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Client { get; }

    /// <summary>Process id, for /proc/PID/status.</summary>
    public int Id => process.Id;

    /// <param name="environment">Further settings as environment variables (DevEx__GitHub__WebhookSecret=…).</param>
    public static async Task<BenchServer> Start(string database, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(DevEx.Server.Hosting.ServiceRegistration).Assembly.Location);
        start.Environment["DevEx__Database"] = database;
        start.Environment["DevEx__SeedSampleData"] = "false";
        start.Environment["ASPNETCORE_URLS"] = Url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // One client asks far more than a person would (the per-client limit is 1,200 a minute): the benches measure the
        // service's own costs, so the limiter is off (docs/security.md, "Rate limits").
        start.Environment["DevEx__RateLimits__Enabled"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        // The server's log (warnings and up, unless Logging__LogLevel__… is set in the environment) beside the bench's own.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchServer(process);
        await server.WaitUntilUp(ct);
        return server;
    }

    /// <summary>One GET: milliseconds from request sent to body read; a non-success status fails the bench.</summary>
    public async Task<double> Time(string url, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await Client.GetAsync(url, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        response.EnsureSuccessStatusCode();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>VmHWM (peak) and VmRSS (now) of the server process, in MB.</summary>
    public (long Peak, long Now) Memory()
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        long Field(string name) => long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return (Field("VmHWM:"), Field("VmRSS:"));
    }

    /// <summary>The bundled sample-data folder of this checkout (above the bench's build output).</summary>
    public static string SampleData()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "sample-data")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("No sample-data folder above the bench."), "sample-data");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown (no /proc/loadavg)";

    public void Dispose()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }

    private async Task WaitUntilUp(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await Client.GetAsync("/healthz", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500, ct);
        }
        throw new TimeoutException("The service did not start within a minute.");
    }
}
