namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Fedora account group membership (FAS): who is a <c>provenpackager</c>, who belongs to the Release Engineering
/// approvers. The real directory is FASJSON, which needs Kerberos; the sandbox answers from its people.
/// </summary>
public interface IGroupDirectory
{
    Task<bool> IsMemberAsync(string user, string group, CancellationToken cancellationToken = default);

    /// <summary>The group's members, sorted.</summary>
    Task<IReadOnlyList<string>> MembersAsync(string group, CancellationToken cancellationToken = default);
}
