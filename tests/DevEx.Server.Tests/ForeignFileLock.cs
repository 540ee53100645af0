using System.Runtime.InteropServices;

namespace DevEx.Server.Tests;

/// <summary>
/// Holds a write lock on a file as another process holding a DuckDB database does (DuckDB locks its file with a POSIX
/// record lock, fcntl F_SETLK). This one is an open file description lock (F_OFD_SETLK), which conflicts with DuckDB's
/// even inside this process, so a test needs no second process to be "the running service". Linux, as CI.
/// </summary>
internal sealed class ForeignFileLock : IDisposable
{
    private const int OpenFileDescriptionSetLock = 37; // F_OFD_SETLK
    private const short WriteLock = 1;                 // F_WRLCK
    private readonly FileStream file;

    public ForeignFileLock(string path)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var whole = new FileLockRange { Type = WriteLock }; // from offset 0, length 0: the whole file
        if (Fcntl((int)file.SafeFileHandle.DangerousGetHandle(), OpenFileDescriptionSetLock, ref whole) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            file.Dispose();
            throw new IOException($"fcntl(F_OFD_SETLK) on {path} failed: errno {errno}");
        }
    }

    public void Dispose() => file.Dispose(); // closing the last descriptor of the description releases the lock

    /// <summary>struct flock of Linux (x86-64 and arm64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FileLockRange
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the project for one test helper.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int descriptor, int command, ref FileLockRange range);
}
