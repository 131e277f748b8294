using Releng.Jobs.DistGit;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>Synchronous git with the jobs' clean environment, to look at the sandbox's repositories the way a user would (the fake itself reads them with libgit2).</summary>
internal static class Git
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static string Run(string directory, params string[] arguments) => Run(directory, NoEnvironment, arguments);

    public static string Run(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var result = GitProcess.Run("git", directory, arguments, environment);
        if (result.ExitCode != 0)
        {
            throw new GitCommandException(GitProcess.Describe(arguments), result.ExitCode, result.Error);
        }
        return result.Output;
    }

    /// <summary>Runs git with <paramref name="input"/> on its standard input.</summary>
    public static string RunWithInput(string directory, byte[] input, params string[] arguments)
    {
        var result = GitProcess.Run("git", directory, arguments, NoEnvironment, input);
        if (result.ExitCode != 0)
        {
            throw new GitCommandException(GitProcess.Describe(arguments), result.ExitCode, result.Error);
        }
        return result.Output;
    }

    public static GitProcess.Result TryRun(string directory, params string[] arguments) =>
        GitProcess.Run("git", directory, arguments, NoEnvironment);
}
