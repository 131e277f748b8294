using System.Text.RegularExpressions;

namespace Releng.Jobs.Configuration;

/// <summary>Job names become workflow file names and concurrency groups, so they are kept plain.</summary>
public static partial class JobName
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();
}
