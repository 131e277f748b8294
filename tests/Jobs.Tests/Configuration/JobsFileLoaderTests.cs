using Releng.Jobs.Configuration;

namespace Releng.Jobs.Tests.Configuration;

public sealed class JobsFileLoaderTests
{
    private static readonly JobsFileLoader Loader = new(TaskCatalog.Default);

    private static ConfigurationException Fails(string yaml) =>
        Assert.Throws<ConfigurationException>(() => Loader.Parse(yaml, "jobs.yaml"));

    [Fact]
    public void A_valid_file_loads_with_its_parameters()
    {
        var file = Loader.Parse("""
            jobs:
              unretire:
                task: unretire
                schedule: "17 */2 * * *"
                apply: true
                with: { tracker: releng, phase: recent }
            """, "jobs.yaml");

        var job = file.Jobs["unretire"];
        Assert.True(job.Apply);
        Assert.Equal("recent", new JobParameters(TaskCatalog.Default.Find("unretire")!, job.With).Text("phase"));
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_line_and_column()
    {
        var error = Fails("jobs:\n  unretire:\n    task: unretire\n    shedule: \"0 * * * *\"\n");

        Assert.Equal((4, 5), (error.Line, error.Column));
        Assert.StartsWith("jobs.yaml:4:5: unknown key 'shedule'", error.Message);
    }

    [Fact]
    public void A_duplicate_key_is_an_error()
    {
        var error = Fails("jobs:\n  unretire:\n    task: unretire\n    task: scm-requests\n    with: { phase: report }\n");

        Assert.Equal(4, error.Line);
        Assert.Contains("duplicate key", error.Message);
    }

    [Fact]
    public void A_missing_task_is_an_error()
    {
        var error = Fails("jobs:\n  unretire:\n    schedule: \"17 * * * *\"\n");

        Assert.Contains("task", error.Message);
        Assert.True(error.Line > 0);
    }

    [Theory]
    [InlineData("0 6 * *", "has 4 fields")]
    [InlineData("0 0 6 * * 1", "has 6 fields")]
    [InlineData("@daily", "is a macro")]
    [InlineData("61 * * * *", "is not a valid cron")]
    public void A_bad_cron_is_explained(string cron, string expected)
    {
        var error = Fails($"jobs:\n  push:\n    task: unretire\n    schedule: \"{cron}\"\n    with: {{ phase: report }}\n");

        Assert.Equal((4, 15), (error.Line, error.Column));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_task_lists_the_known_ones()
    {
        var error = Fails("jobs:\n  x:\n    task: unretirement\n");

        Assert.Equal((3, 11), (error.Line, error.Column));
        Assert.Contains("unknown task 'unretirement'", error.Message);
        Assert.Contains("scm-requests", error.Message);
    }

    [Fact]
    public void A_parameter_the_task_does_not_have_is_an_error()
    {
        var error = Fails("jobs:\n  x:\n    task: unretire\n    with:\n      phase: report\n      phaze: all\n");

        Assert.Equal((6, 7), (error.Line, error.Column));
        Assert.Contains("has no parameter 'phaze'", error.Message);
    }

    [Fact]
    public void A_value_outside_the_choices_is_an_error()
    {
        var error = Fails("jobs:\n  x:\n    task: unretire\n    with: { phase: everything }\n");

        Assert.Contains("'everything' is not one of: report, recent, all", error.Message);
    }

    [Fact]
    public void A_missing_required_parameter_is_named()
    {
        var error = Fails("jobs:\n  x:\n    task: unretire\n");

        Assert.Contains("needs parameter 'phase'", error.Message);
    }

    [Fact]
    public void A_job_name_that_cannot_be_a_workflow_file_is_refused()
    {
        var error = Fails("jobs:\n  Un Retire:\n    task: unretire\n    with: { phase: report }\n");

        Assert.Contains("must be lower-case", error.Message);
    }

    [Fact]
    public void The_repository_jobs_file_is_valid()
    {
        var root = RepositoryRoot.Find();

        var file = Loader.Load(Path.Combine(root, "jobs.yaml"));

        Assert.NotEmpty(file.Jobs);
        Assert.Contains("fedora", file.Services.Keys);
    }
}
