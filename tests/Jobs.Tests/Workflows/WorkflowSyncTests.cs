using Releng.Jobs.Configuration;
using Releng.Jobs.Workflows;

namespace Releng.Jobs.Tests.Workflows;

public sealed class WorkflowSyncTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("workflow-sync-").FullName;
    private readonly JobsFile _jobs = WorkflowGeneratorTests.Sample();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string OnDisk(string relative) => Path.Combine(_root, relative);

    [Fact]
    public void An_empty_repository_misses_every_workflow_and_writing_brings_it_in_sync()
    {
        var before = WorkflowSync.Check(_root, _jobs, TaskCatalog.Default);
        // ci.yml and four jobs on GitHub, the four jobs on Forgejo.
        Assert.Equal(9, before.Missing.Count);
        Assert.Contains(".forgejo/workflows/unretire.yml", before.Missing);
        Assert.False(before.InSync);

        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);

        var after = WorkflowSync.Check(_root, _jobs, TaskCatalog.Default);
        Assert.True(after.InSync, after.Describe());
    }

    [Fact]
    public void A_hand_edited_workflow_is_reported_by_path()
    {
        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        var path = OnDisk(".github/workflows/unretire.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("17 */2 * * *", "17 * * * *"));

        var drift = WorkflowSync.Check(_root, _jobs, TaskCatalog.Default);

        Assert.Equal([".github/workflows/unretire.yml"], drift.Differing);
        Assert.Empty(drift.Missing);
        Assert.Empty(drift.Extra);
        Assert.Contains("differs: .github/workflows/unretire.yml", drift.Describe());
    }

    [Fact]
    public void A_change_in_jobs_yaml_makes_the_committed_workflow_differ()
    {
        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        _jobs.Jobs["base-image-push"].Apply = false;

        var drift = WorkflowSync.Check(_root, _jobs, TaskCatalog.Default);
        Assert.Equal([".forgejo/workflows/base-image-push.yml", ".github/workflows/base-image-push.yml"], drift.Differing);
        Assert.Contains("differs: .forgejo/workflows/base-image-push.yml", drift.Describe());
    }

    [Fact]
    public void A_hand_edited_forgejo_workflow_is_reported_by_path_and_writing_restores_it()
    {
        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        var path = OnDisk(".forgejo/workflows/unretire.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("runs-on: docker", "runs-on: ubuntu-latest"));

        Assert.Equal([".forgejo/workflows/unretire.yml"], WorkflowSync.Check(_root, _jobs, TaskCatalog.Default).Differing);

        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        Assert.True(WorkflowSync.Check(_root, _jobs, TaskCatalog.Default).InSync);
    }

    [Fact]
    public void A_workflow_of_a_removed_job_is_extra_and_writing_deletes_it_but_hand_written_workflows_stay()
    {
        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        File.WriteAllText(OnDisk(".github/workflows/codeql.yml"), "name: codeql\non: push\n");
        _jobs.Jobs.Remove("scm-requests");

        var drift = WorkflowSync.Check(_root, _jobs, TaskCatalog.Default);
        Assert.Equal([".forgejo/workflows/scm-requests.yml", ".github/workflows/scm-requests.yml"], drift.Extra);

        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        Assert.False(File.Exists(OnDisk(".github/workflows/scm-requests.yml")));
        Assert.False(File.Exists(OnDisk(".forgejo/workflows/scm-requests.yml")));
        Assert.True(File.Exists(OnDisk(".github/workflows/codeql.yml")));
        Assert.True(WorkflowSync.Check(_root, _jobs, TaskCatalog.Default).InSync);
    }

    [Fact]
    public void A_checkout_with_crlf_line_endings_is_still_in_sync()
    {
        WorkflowSync.Write(_root, _jobs, TaskCatalog.Default);
        var path = OnDisk(".github/workflows/ci.yml");
        File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n"));

        Assert.True(WorkflowSync.Check(_root, _jobs, TaskCatalog.Default).InSync);
    }

    [Fact]
    public void Check_carries_the_schedule_warnings()
    {
        var drift = WorkflowSync.Check(_root, _jobs, TaskCatalog.Default);

        Assert.Equal("base-image-rebuild", Assert.Single(drift.Warnings).Job);
    }
}
