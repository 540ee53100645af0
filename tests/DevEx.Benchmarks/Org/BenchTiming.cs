using System.Diagnostics;
using System.Globalization;

namespace DevEx.Benchmarks.Org;

/// <summary>Warm timings of one call (3 warm-up runs, then median and p95 of the timed runs) and the process's peak memory.</summary>
internal static class BenchTiming
{
    public static string Warm(Action action, int repetitions = 20)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"median {median:0.0} ms, p95 {p95:0.0} ms (warm, n={repetitions})");
    }

    /// <summary>VmHWM of /proc/self/status: the process's peak resident set.</summary>
    public static long PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
