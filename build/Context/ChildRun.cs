using System.Diagnostics;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Planning;

namespace Releng.Build.Context;

/// <summary>
/// Runs one job in a child process of this same host, with the same arguments a CI workflow would pass, so a
/// scheduled run is logged, audited and exits exactly like a CI run (and one run's failure cannot harm the next).
/// </summary>
public static class ChildRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, IRunLog log, string prefix, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = self;
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The child's Kerberos library reads these when it starts: it gets the keytab, cache and configuration that
        // build.sh prepared for this process (a memory cache is the child's own; the keytab gives it its ticket).
        foreach (var name in KerberosEnvironment.VariableNames)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Information($"[{prefix}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Error($"[{prefix}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A stop request lets the running job finish: the scheduler waits for it rather than killing it.
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }
}
