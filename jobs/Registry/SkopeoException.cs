namespace Releng.Jobs.Registry;

/// <summary>skopeo exited with an error. The message carries the command and skopeo's error text, secrets masked.</summary>
public sealed class SkopeoException(string commandLine, int exitCode, string error)
    : Exception($"skopeo failed (exit {exitCode}): {error.Trim()}\ncommand: {commandLine}")
{
    public string CommandLine { get; } = commandLine;

    public int ExitCode { get; } = exitCode;

    public string Error { get; } = error;
}
