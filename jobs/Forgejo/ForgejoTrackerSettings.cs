namespace Releng.Jobs.Forgejo;

/// <summary>
/// Where a Forgejo tracker lives and how it records close statuses. <see cref="BaseUrl"/> is the instance root
/// (<c>https://forge.fedoraproject.org/</c>): web pages hang off it, the API is under <c>api/v1</c>.
/// <see cref="CloseLabels"/> is per repository (<c>releng/fedora-scm-requests</c>), <see cref="DefaultCloseLabels"/>
/// for the others.
/// </summary>
public sealed record ForgejoTrackerSettings(Uri BaseUrl)
{
    public IReadOnlyDictionary<string, ForgejoCloseLabels> CloseLabels { get; init; } =
        new Dictionary<string, ForgejoCloseLabels>(StringComparer.Ordinal);

    public ForgejoCloseLabels DefaultCloseLabels { get; init; } = ForgejoCloseLabels.Default;

    public ForgejoCloseLabels CloseLabelsFor(string project) =>
        CloseLabels.TryGetValue(project, out var labels) ? labels : DefaultCloseLabels;

    /// <summary><c>https://forge.fedoraproject.org/releng/tickets/issues/13108</c>.</summary>
    public string TicketUrl(string project, int id) => $"{BaseUrl.ToString().TrimEnd('/')}/{project}/issues/{id}";
}
