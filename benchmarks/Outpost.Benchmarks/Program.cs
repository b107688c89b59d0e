using System.Runtime.Versioning;
using BenchmarkDotNet.Running;

// The agent, whose TufUpdater is measured, targets Linux only.
[assembly: SupportedOSPlatform("linux")]

namespace Outpost.Benchmarks;

/// <summary>dotnet run -c Release --project benchmarks/Outpost.Benchmarks -- --filter '*' [--job short]</summary>
internal static class BenchmarkMain
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkMain).Assembly).Run(args);
}
