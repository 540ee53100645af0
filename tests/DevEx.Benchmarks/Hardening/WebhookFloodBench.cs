using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.Benchmarks.Org;
using NodaTime;

namespace DevEx.Benchmarks.Hardening;

/// <summary>
/// <c>webhook-flood</c>: the server's resident memory under unauthenticated webhook bodies (issue 14: 48 bodies of 50 MB
/// grew a server from 0.56 GB to 2.5 GB). Starts the service (the DevEx.Server build beside this program, or
/// <c>--server</c>) on an empty database with a webhook secret, posts the bodies signed with a wrong secret (or unsigned),
/// <c>--parallel</c> at a time, with Content-Length or chunked, then prints RSS before, right after, 10 s after and the
/// peak (VmRSS and VmHWM of /proc/PID/status), each answer's count, and whether a valid delivery is still processed.
/// </summary>
internal static class WebhookFloodBench
{
    private const string Secret = "bench-webhook-secret";

    public static Command Create(IClock clock)
    {
        var bodies = new Option<int>("--bodies") { Description = "How many bodies to post", DefaultValueFactory = _ => 48 };
        var megabytes = new Option<int>("--megabytes") { Description = "Size of each body (MiB)", DefaultValueFactory = _ => 50 };
        var parallel = new Option<int>("--parallel") { Description = "Bodies in flight at once", DefaultValueFactory = _ => 4 };
        var chunked = new Option<bool>("--chunked") { Description = "Send without Content-Length (Transfer-Encoding: chunked)" };
        var unsigned = new Option<bool>("--unsigned") { Description = "No signature header (default: a signature made with a wrong secret)" };
        var server = new Option<string?>("--server") { Description = "DevEx.Server.dll to measure (default: the build beside this program)" };
        var command = new Command("webhook-flood", "Resident memory of the server under unauthenticated webhook bodies (docs/benchmarks.md)")
        {
            bodies, megabytes, parallel, chunked, unsigned, server,
        };
        command.SetAction((parse, ct) => Run(new Flood(parse.GetValue(bodies), parse.GetValue(megabytes), parse.GetValue(parallel),
            parse.GetValue(chunked), parse.GetValue(unsigned)), parse.GetValue(server), clock, ct));
        return command;
    }

    private sealed record Flood(int Bodies, int Megabytes, int Parallel, bool Chunked, bool Unsigned);

    private static async Task<int> Run(Flood flood, string? serverDll, IClock clock, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "devex-bench-webhook-flood-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        const string url = "http://127.0.0.1:5098";
        using var process = StartServer(serverDll ?? typeof(DevEx.Server.Hosting.ServiceRegistration).Assembly.Location, Path.Combine(folder, "devex.duckdb"), url);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            await WaitUntilUp(client, ct);
            await Task.Delay(TimeSpan.FromSeconds(5), ct); // start-up work (migrations, warm-up) settles
            var before = Memory(process.Id);
            var answers = await PostAll(client, flood, ct);
            var right = Memory(process.Id);
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            var settled = Memory(process.Id);
            var valid = await PostValid(client, ct);

            var report = new BenchReport(Console.Out);
            report.Machine(clock, withTime: true);
            report.Line($"Server: {serverDll ?? "the build beside this program"}; {flood.Bodies} bodies of {flood.Megabytes} MiB, {flood.Parallel} at a time, "
                + $"{(flood.Chunked ? "chunked" : "with Content-Length")}, {(flood.Unsigned ? "unsigned" : "signed with a wrong secret")}");
            report.Table(
            [
                ("RSS before", Mb(before.Rss)),
                ("RSS right after the last answer", Mb(right.Rss)),
                ("RSS 10 s later", Mb(settled.Rss)),
                ("peak RSS (VmHWM, since start)", Mb(settled.Peak)),
                ("answers", string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} × {a.Value}"))),
                ("a valid ping afterwards", valid),
            ]);
            return 0;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<string, int>> PostAll(HttpClient client, Flood flood, CancellationToken ct)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = (long)flood.Megabytes << 20;
        await Parallel.ForAsync(0, flood.Bodies, new ParallelOptions { MaxDegreeOfParallelism = flood.Parallel, CancellationToken = ct }, async (i, token) =>
        {
            var content = new StreamContent(new RepeatedByteStream(length), 64 << 10);
            content.Headers.ContentType = new("application/json");
            if (!flood.Chunked)
            {
                content.Headers.ContentLength = length;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/github") { Content = content };
            request.Headers.Add("X-GitHub-Event", "push");
            request.Headers.Add("X-GitHub-Delivery", $"flood-{i}");
            if (!flood.Unsigned)
            {
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
            }
            string answer;
            try
            {
                using var response = await client.SendAsync(request, token);
                answer = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException e)
            {
                answer = "connection closed (" + (e.InnerException?.GetType().Name ?? e.GetType().Name) + ")";
            }
            lock (answers)
            {
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
            }
        });
        return answers;
    }

    private static async Task<string> PostValid(HttpClient client, CancellationToken ct)
    {
        const string body = """{"zen":"Keep it logically awesome.","hook_id":1}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/github") { Content = new StringContent(body) };
        request.Headers.Add("X-GitHub-Event", "ping");
        request.Headers.Add("X-GitHub-Delivery", "flood-valid");
        request.Headers.Add("X-Hub-Signature-256", DevEx.Server.Webhooks.GitHubWebhookSignature.Sign(Secret, System.Text.Encoding.UTF8.GetBytes(body)));
        using var response = await client.SendAsync(request, ct);
        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    private static (long Rss, long Peak) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    private static string Mb(long kilobytes) => string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0:N0} MB");

    private static Process StartServer(string serverDll, string database, string url)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(serverDll);
        start.Environment["DevEx__Database"] = database;
        start.Environment["DevEx__SeedSampleData"] = "false";
        start.Environment["DevEx__GitHub__WebhookSecret"] = Secret;
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUp(HttpClient client, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/healthz", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500, ct);
        }
        throw new InvalidOperationException("The server did not answer /healthz within 60 s.");
    }

    /// <summary>A body of <c>length</c> bytes of 'x', made as it is read: the client holds none of it.</summary>
    private sealed class RepeatedByteStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
