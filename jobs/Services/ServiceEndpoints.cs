namespace Releng.Jobs.Services;

/// <summary>Base addresses of the services one environment talks to.</summary>
public sealed record ServiceEndpoints(
    Uri Pagure,
    Uri DistGit,
    Uri DistGitGit,
    Uri Koji,
    Uri Bugzilla,
    Uri Bodhi,
    Uri? GitHub = null,
    Uri? Fasjson = null,
    Uri? Forge = null)
{
    /// <summary>The Pagure instance that serves tickets links as <c>{Pagure}/{tracker}/issue/{id}</c>.</summary>
    public string TicketUrl(string tracker, int id) => $"{Pagure.ToString().TrimEnd('/')}/{tracker}/issue/{id}";
}
