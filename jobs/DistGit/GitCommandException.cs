namespace Releng.Jobs.DistGit;

/// <summary>
/// A git command that failed: the arguments it ran with (no secrets are ever among them), its exit code and its error
/// output. The message keeps only the lines that say why (<see cref="GitErrorOutput"/>); the whole output stays in
/// <see cref="StandardError"/>.
/// </summary>
public sealed class GitCommandException(string command, int exitCode, string standardError)
    : Exception($"{command} failed with exit code {exitCode}: {Trim(GitErrorOutput.Reason(standardError))}")
{
    public string Command { get; } = command;
    public int ExitCode { get; } = exitCode;
    public string StandardError { get; } = standardError;

    private static string Trim(string text)
    {
        text = text.Trim();
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }
}
