namespace Releng.Jobs.Bugzilla;

/// <summary>Red Hat Bugzilla, as far as the jobs need it: read review bugs, read and post comments.</summary>
public interface IBugzilla
{
    /// <summary><c>GET /rest/bug/{id}</c>.</summary>
    /// <exception cref="BugzillaException">Missing bug (<see cref="BugzillaException.IsMissingBug"/>), access denied, or Bugzilla unreachable.</exception>
    Task<Bug> GetBugAsync(int id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /rest/bug/{id}/comment</c>, oldest first; lets a step check whether it already commented.</summary>
    Task<IReadOnlyList<BugComment>> GetCommentsAsync(int bugId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /rest/bug/{id}/comment</c>; returns the new comment's id. Never retried: a lost answer is reported, not repeated.</summary>
    Task<int> AddCommentAsync(int bugId, string comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// The login (e-mail) of the account behind the API key, from <c>GET /rest/whoami</c>: the author of every comment
    /// this client posts. Null without a key, without asking Bugzilla (anonymous callers have no account).
    /// </summary>
    /// <exception cref="BugzillaException">A key Bugzilla refuses, a Bugzilla without <c>/rest/whoami</c>, or Bugzilla unreachable.</exception>
    Task<string?> WhoAmIAsync(CancellationToken cancellationToken = default);

    /// <summary>The bug's page for people, <c>{base}/show_bug.cgi?id={id}</c>.</summary>
    Uri BugUrl(int id);
}
