using System.Globalization;
using System.Runtime.InteropServices;

namespace Releng.Jobs.Benchmarks;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : [];
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return string.Create(CultureInfo.InvariantCulture,
            $"Machine: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} core(s)" +
            $"{(cpu is null ? "" : $" ({cpu})")}, {memory:0.0} GiB, {RuntimeInformation.FrameworkDescription}" +
            $"{(load.Any() ? $", load average {string.Join(' ', load)} at start" : "")}");
    }
}
