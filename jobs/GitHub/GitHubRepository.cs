using System.Text.RegularExpressions;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.GitHub;

/// <summary>The repository that holds the workflows, as <c>owner/name</c>.</summary>
public sealed partial record GitHubRepository(string Owner, string Name)
{
    public override string ToString() => $"{Owner}/{Name}";

    /// <summary>Parses <c>owner/name</c> (GitHub's own spelling, e.g. <c>$GITHUB_REPOSITORY</c>).</summary>
    public static GitHubRepository Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw ConfigurationException.CommandLine("--repository", $"'{text}' is not a GitHub repository; expected owner/name");
        }
        return new GitHubRepository(match.Groups[1].Value, match.Groups[2].Value);
    }

    /// <summary>The web page listing a workflow's runs, for people to click.</summary>
    public string WorkflowPage(Uri apiBaseUrl, string workflowFile)
    {
        // api.github.com serves github.com; an Enterprise server serves its API and pages from the same host.
        var web = apiBaseUrl.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase)
            ? "https://github.com"
            : apiBaseUrl.GetLeftPart(UriPartial.Authority);
        return $"{web}/{Owner}/{Name}/actions/workflows/{workflowFile}";
    }

    [GeneratedRegex("^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})$")]
    private static partial Regex Pattern();
}
