using System.Collections.Concurrent;
using System.Diagnostics;

namespace DevEx.Server.Tests;

/// <summary>
/// The node packages a test folder needs (tests/OidcTestProvider, tests/McpInspector), installed from its lock file by
/// <c>npm ci</c> when missing, once per folder however many tests ask at once (.ci/run installs them first).
/// </summary>
internal static class NodePackages
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <param name="package">A package of the folder's lock file: installed when node_modules holds it.</param>
    public static async Task EnsureInstalledAsync(string folder, string package)
    {
        var gate = Locks.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", package)))
            {
                return;
            }
            var install = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("npm did not start");
            var output = install.StandardOutput.ReadToEndAsync();
            var error = install.StandardError.ReadToEndAsync();
            await install.WaitForExitAsync();
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {folder} failed ({install.ExitCode}): {await output}{await error}");
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
