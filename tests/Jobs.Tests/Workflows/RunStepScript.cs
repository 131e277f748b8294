using System.Diagnostics;

namespace Releng.Jobs.Tests.Workflows;

/// <summary>
/// Runs a generated workflow's run-step script as the runner's <c>shell: bash</c> does
/// (<c>bash --noprofile --norc -eo pipefail</c>), with a <c>./build.sh</c> that records its arguments, and returns them.
/// </summary>
internal static class RunStepScript
{
    /// <summary>The variables a runner may set for the step; each starts empty so the machine's own never leak in.</summary>
    private static readonly string[] StepVariables = ["GITHUB_EVENT_NAME", "INPUT_APPLY", "INPUT_TICKET", "INPUT_FORCE", "INPUT_PHASE", "TICKET_URL"];

    public static string[] Run(string directory, string script, IEnumerable<(string Name, string Value)> environment)
    {
        File.WriteAllText(Path.Combine(directory, "step.sh"), script);
        var recorder = Path.Combine(directory, "build.sh");
        File.WriteAllText(recorder, "#!/usr/bin/env bash\nprintf '%s\\0' \"$@\" > args.bin\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(recorder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "step.sh"])
        {
            WorkingDirectory = directory,
            RedirectStandardError = true,
        };
        foreach (var name in StepVariables)
        {
            start.Environment[name] = "";
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return File.ReadAllText(Path.Combine(directory, "args.bin")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
