using Releng.Build.Context;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;

namespace Releng.Build.Tasks;

/// <summary>Which repository and job the GitHub tasks talk about.</summary>
internal static class GitHubTarget
{
    public static string Job(JobsContext context)
    {
        if (context.Options.IsSandbox)
        {
            throw ConfigurationException.CommandLine("--env", "the sandbox has no GitHub; use --env=fedora (GITHUB_TOKEN from the environment)");
        }
        var job = context.Options.Job ?? throw ConfigurationException.CommandLine("--job", "name the job: --job=<name from jobs.yaml>");
        return context.JobsFile.Jobs.ContainsKey(job) ? job : throw ConfigurationException.CommandLine("--job", $"no job '{job}' in {context.JobsFile.Path}");
    }

    public static GitHubRepository Repository(JobsContext context)
    {
        var text = context.Arguments.HasArgument("repository")
            ? context.Arguments.GetArguments("repository").Last()
            : Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")
              ?? throw ConfigurationException.CommandLine("--repository", "name the GitHub repository: --repository=owner/name (or set GITHUB_REPOSITORY)");
        return GitHubRepository.Parse(text);
    }
}
