using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace DevEx.Benchmarks.Micro;

/// <summary>
/// <c>micro [BenchmarkDotNet switches]</c>: the BenchmarkDotNet benchmarks of this folder (e.g. <c>micro --filter *Dora*</c>).
/// They run in this process (no generated project to build and restore, which the offline package mirror and the
/// 2-core machine make slow) and report allocations beside times.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        // --inProcess applies to every job, also one chosen on the command line (--job short).
        var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(["--inProcess", .. args], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
