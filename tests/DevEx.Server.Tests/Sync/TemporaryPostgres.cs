using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DevEx.Server.Tests.Sync;

/// <summary>
/// A throw-away PostgreSQL server for one test: a cluster made with the machine's initdb in a temporary folder,
/// listening on a free port of 127.0.0.1, stopped and deleted on dispose. Needs Debian's postgresql package (.ci/run
/// installs it). As root, the server runs as the postgres user, since PostgreSQL refuses to run as root.
/// </summary>
internal sealed class TemporaryPostgres : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "pg-" + Guid.NewGuid().ToString("N"));
    private readonly string bin;
    private readonly bool asRoot = Environment.UserName == "root";

    public TemporaryPostgres()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL server binaries were not found under /usr/lib/postgresql: install Debian's postgresql package (.ci/run does).");
        }
        Port = FreePort();
        Directory.CreateDirectory(directory);
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {directory}", asPostgres: false);
        }
        Run(Path.Combine(bin, "initdb"), $"-D {directory}/data -A trust -U devex --no-sync -E UTF8", asPostgres: asRoot);
        Run(Path.Combine(bin, "pg_ctl"), $"-D {directory}/data -w -l {directory}/log -o \"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off\" start", asPostgres: asRoot);
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=devex;Database=postgres";

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(bin, "pg_ctl"), $"-D {directory}/data -m immediate stop", asPostgres: asRoot);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", $"{program} {arguments}"])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }
}
