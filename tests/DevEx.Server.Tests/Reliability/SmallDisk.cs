using System.Diagnostics;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// A tmpfs of a few MB mounted on a fresh folder (tests run as root in CI's container), so a test can fill the disk the
/// database is on; <see cref="Fill"/> leaves a chosen number of bytes free. Unmounted on Dispose.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static SmallDisk Mount(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "devex-tests", "disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, text) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount -t tmpfs failed ({code}: {text.Trim()}); the full-disk tests need root, as in CI's container.");
        }
        return new SmallDisk(path);
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Writes a filler file until <paramref name="leftFree"/> bytes remain.</summary>
    public void Fill(long leftFree)
    {
        using var file = new FileStream(Filler, FileMode.Append);
        var block = new byte[64 * 1024];
        while (FreeBytes > leftFree)
        {
            file.Write(block, 0, (int)Math.Min(block.Length, FreeBytes - leftFree));
            file.Flush();
        }
    }

    public void Free() => File.Delete(Filler);

    private static (int Code, string Text) Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var text = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text);
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }
}
