namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>One dist-git repository, keyed by <c>namespace/name</c> (e.g. <c>rpms/python-pyte</c>).</summary>
public sealed class DistGitRepoScenario
{
}
