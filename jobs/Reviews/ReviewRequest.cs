namespace Releng.Jobs.Reviews;

/// <summary>
/// What a review bug must vouch for: the package (dist-git repository name), the person asking (the Pagure ticket
/// author, a FAS user name), its namespace, and, for SCM requests, the branch asked for (EPEL branches need an
/// EPEL review; null skips that rule).
/// </summary>
public sealed record ReviewRequest(string Package, string Requester, string Namespace = "rpms", string? Branch = null);
