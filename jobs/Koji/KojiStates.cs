namespace Releng.Jobs.Koji;

/// <summary>koji.BUILD_STATES. Only <see cref="Complete"/> builds appear in tag listings.</summary>
public enum KojiBuildState
{
    Building = 0,
    Complete = 1,
    Deleted = 2,
    Failed = 3,
    Canceled = 4,
}

/// <summary>koji.TASK_STATES. Free, Open and Assigned tasks are still to finish.</summary>
public enum KojiTaskState
{
    Free = 0,
    Open = 1,
    Closed = 2,
    Canceled = 3,
    Assigned = 4,
    Failed = 5,
}

/// <summary>koji.REPO_STATES.</summary>
public enum KojiRepoState
{
    Init = 0,
    Ready = 1,
    Expired = 2,
    Deleted = 3,
    Problem = 4,
}
