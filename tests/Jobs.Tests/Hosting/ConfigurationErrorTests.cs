namespace Releng.Jobs.Tests.Hosting;

/// <summary>How the host answers a wrong jobs.yaml or flag: exit 2 and one message that says where.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly HostFixture _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_empty_jobs_yaml_exits_2_instead_of_running_nothing()
    {
        File.WriteAllText(_host.JobsFile, "");

        var exit = await _host.RunAsync(null, null, "--target=all", "--env=sandbox");

        Assert.Equal(2, exit);
        Assert.Contains($"{_host.JobsFile}: defines no jobs", _host.Console.Text);
    }

    [Fact]
    public async Task The_services_check_on_the_sandbox_rejects_the_jobs_yaml_every_other_target_rejects()
    {
        File.WriteAllText(_host.JobsFile, "jobs:\n  unretire:\n    task: unretire\n    shedule: \"0 * * * *\"\n");

        var exit = await _host.RunAsync(null, null, "--target=services", "--env=sandbox");

        Assert.Equal(2, exit);
        Assert.Contains($"{_host.JobsFile}:4:5: unknown key 'shedule'", _host.Console.Text);
    }

    [Fact]
    public async Task The_services_check_writes_its_table_to_the_step_summary()
    {
        var exit = await _host.RunAsync(null, null, "--target=services", "--env=sandbox");

        Assert.Equal(0, exit);
        var summary = File.ReadAllText(_host.Summary);
        Assert.Contains("### services: sandbox", summary);
        Assert.Contains("| koji | yes |", summary);
        Assert.Contains("| PAGURE_TOKEN |", summary);
    }

    [Fact]
    public async Task A_wrong_flag_is_reported_as_the_command_line_not_as_a_file()
    {
        var exit = await _host.RunAsync(null, null, "--target=unretire", "--env=sandbox", "--ticket=abc");

        Assert.Equal(2, exit);
        Assert.Contains("command line (--ticket): 'abc' is not a ticket number", _host.Console.Text);
    }

    [Fact]
    public async Task An_unknown_job_names_the_file_given_by_config()
    {
        var exit = await _host.RunAsync(null, null, "--target=unretire", "--env=sandbox", "--job=nope");

        Assert.Equal(2, exit);
        Assert.Contains($"command line (--job): no job 'nope' in {_host.JobsFile}", _host.Console.Text);
    }

    [Fact]
    public async Task A_problem_a_job_finds_in_its_parameters_points_at_the_entry_in_the_config_file()
    {
        File.WriteAllText(_host.JobsFile, """
            jobs:
              push:
                task: base-image-push
                with:
                  image: Fedora-Container-Base-Generic
                  target: f44-container
                  repository: fedora
                  registries: ["not-a-registry"]
                  tags: ["44"]
            """);

        var exit = await _host.RunAsync(null, null, "--target=base-image-push", "--env=sandbox");

        Assert.Equal(2, exit);
        Assert.Contains($"{_host.JobsFile}:8:19: base-image-push: registry 'not-a-registry'", _host.Console.Text);
        Assert.DoesNotContain("jobs.yaml:0:0", _host.Console.Text);
    }
}
