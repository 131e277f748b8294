using System.Diagnostics;
using System.Text;

namespace Releng.Jobs.DistGit;

/// <summary>
/// Runs the <c>git</c> executable with an argument list (never through a shell), a clean git environment (the
/// caller's GIT_* variables and global/system configuration do not leak in) and no terminal prompts.
/// </summary>
public static class GitProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(
        string executable, string? workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var process = Start(executable, workingDirectory, arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>The synchronous form, for the sandbox fake's request callbacks.</summary>
    public static Result Run(string executable, string? workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(executable, workingDirectory, arguments, environment);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>The synchronous form with bytes for standard input (e.g. a <c>git fast-import</c> stream).</summary>
    public static Result Run(string executable, string? workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment, byte[] input)
    {
        using var process = Start(executable, workingDirectory, arguments, environment, closeInput: false);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git stopped reading (it failed); its exit code and error say why.
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    public static string Describe(IReadOnlyList<string> arguments) =>
        "git " + string.Join(' ', arguments.Select(a => a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? "'" + a.Replace("\n", "\\n", StringComparison.Ordinal) + "'"
            : a));

    private static Process Start(string executable, string? workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment, bool closeInput = true)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        // The user's ~/.gitconfig (signing, hooks, rewrites) must not change what the jobs do.
        info.Environment["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        info.Environment["LC_ALL"] = "C";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        if (closeInput)
        {
            process.StandardInput.Close();
        }
        return process;
    }
}
