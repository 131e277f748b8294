using System.Diagnostics;

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// Runs a command to its end and measures its wall time and peak resident memory (the kernel's high-water mark,
/// read from /proc while it runs, so a command that replaces itself by exec is measured to the end).
/// </summary>
public static class ChildProcessRun
{
    public sealed record Result(int ExitCode, TimeSpan Wall, long? PeakMemoryBytes);

    public static async Task<Result> RunAsync(string workingDirectory, string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long? peak = null;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak ?? 0, HighWaterMark(status) ?? 0);
            await Task.Delay(5, cancellationToken);
        }
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        await output;
        var errors = await error;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited {process.ExitCode}: {errors}");
        }
        return new Result(process.ExitCode, clock.Elapsed, peak is > 0 ? peak : null);
    }

    private static long? HighWaterMark(string statusFile)
    {
        try
        {
            var line = File.ReadLines(statusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null; // it has just exited
        }
    }
}
