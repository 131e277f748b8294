using Releng.Jobs.Configuration;
using Releng.Jobs.Workflows;

namespace Releng.Jobs.Tests.Workflows;

public sealed class CommittedWorkflowsTests
{
    [Fact]
    public void The_committed_workflows_match_jobs_yaml()
    {
        var root = RepositoryRoot.Find();
        var jobs = new JobsFileLoader(TaskCatalog.Default).Load(Path.Combine(root, "jobs.yaml"));

        var drift = WorkflowSync.Check(root, jobs, TaskCatalog.Default);

        Assert.True(drift.InSync, drift.Describe());
    }

    [Fact]
    public void The_forgejo_workflows_are_committed_beside_the_github_ones()
    {
        var root = RepositoryRoot.Find();

        Assert.True(File.Exists(Path.Combine(root, ".forgejo", "workflows", "unretire.yml")));
        Assert.True(File.Exists(Path.Combine(root, ".forgejo", "workflows", "scm-requests.yml")));
    }
}
