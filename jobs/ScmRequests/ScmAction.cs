namespace Releng.Jobs.ScmRequests;

/// <summary>What a ticket of <c>releng/fedora-scm-requests</c> asks for (its body's <c>action</c>).</summary>
public enum ScmAction
{
    /// <summary><c>new_repo</c>: a new dist-git project, optionally with one more branch.</summary>
    NewRepo,
    /// <summary><c>new_branch</c>: a branch of an existing project.</summary>
    NewBranch,
}
