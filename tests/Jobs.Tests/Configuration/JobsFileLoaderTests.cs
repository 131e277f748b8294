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

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("jobs: {}\n")]
    [InlineData("services:\n  fedora: { pagure: a, distgit: b, koji: c, bugzilla: d, bodhi: e }\n")]
    public void A_file_without_jobs_is_a_configuration_error_not_a_run_of_nothing(string yaml)
    {
        var error = Fails(yaml);

        Assert.Contains("defines no jobs", error.Message);
        Assert.StartsWith("jobs.yaml", error.Message);
    }

    [Fact]
    public void A_tab_is_reported_at_the_line_and_column_of_the_tab()
    {
        var error = Fails("jobs:\n  x:\n    task: unretire\n\tschedule: \"17 * * * *\"\n");

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Contains("tab", error.Problem);
    }

    [Fact]
    public void A_job_name_written_twice_is_reported_at_its_second_occurrence()
    {
        var error = Fails("jobs:\n  x:\n    task: unretire\n    with: { phase: report }\n  x:\n    task: scm-requests\n");

        Assert.Equal((5, 3), (error.Line, error.Column));
        Assert.Equal("duplicate key 'x'", error.Problem);
    }

    [Fact]
    public void An_unknown_key_lists_the_keys_a_job_accepts()
    {
        var error = Fails("jobs:\n  x:\n    task: unretire\n    shedule: \"0 * * * *\"\n");

        Assert.Equal("unknown key 'shedule'; expected one of: task, description, schedule, apply, enabled, events, with", error.Problem);
    }

    [Theory]
    [InlineData("jobs:\n  x:\n    task: unretire\n    shedule: y\n")]
    [InlineData("jobs:\n  x:\n    task: [unretire]\n")]
    [InlineData("jobs:\n  x:\n    task: unretire\n    events: pagure\n")]
    [InlineData("jobs:\n  x: 1\n")]
    [InlineData("jobs: [x]\n")]
    [InlineData("jobs:\n  x:\n    task: unretire\n    apply: maybe\n")]
    [InlineData("jobs:\n  x:\n    schedule: \"0 * * * *\"\n")]
    [InlineData("services:\n  fedora: { pagure: x }\njobs:\n  x:\n    task: unretire\n")]
    [InlineData("jobs:\n  x:\n    task: unretire\n    with: [phase]\n")]
    public void Error_messages_speak_of_keys_and_values_never_of_dotnet_types(string yaml)
    {
        var error = Fails(yaml);

        Assert.True(error.Line > 0, error.Message);
        Assert.DoesNotMatch(@"Releng\.|System\.|YamlDotNet|MappingStart|SequenceStart|Property '", error.Message);
    }

    [Fact]
    public void Each_entry_and_each_value_knows_where_it_is_written()
    {
        var file = Loader.Parse("jobs:\n  x:\n    task: unretire\n    schedule: \"17 * * * *\"\n    with:\n      phase: report\n", "other.yaml");

        var job = file.Jobs["x"];
        Assert.Equal("other.yaml", file.Path);
        Assert.Equal(new SourceMark("other.yaml", 2, 3), job.At);
        Assert.Equal(new SourceMark("other.yaml", 4, 15), job.Where("schedule"));
        Assert.Equal(new SourceMark("other.yaml", 6, 14), job.ParameterOrigins.Of("phase"));
        Assert.Equal(job.At, job.ParameterOrigins.Of("tracker"));
    }

    [Fact]
    public void A_parameter_error_found_after_loading_names_the_file_line_and_column_of_the_value()
    {
        var file = Loader.Parse("jobs:\n  x:\n    task: base-image-rebuild\n    with: { image: i, tag: t, target: c, release: r, wait_minutes: \"9\" }\n", "conf/jobs.yaml");
        var entry = file.Jobs["x"];
        var parameters = new JobParameters(TaskCatalog.Default.Find("base-image-rebuild")!, entry.With, entry.ParameterOrigins)
            .With("wait_minutes", "soon", SourceMark.CommandLine("--wait_minutes"));

        var fromFile = parameters.Error("target", "Koji has no build target 'c'");
        var fromFlag = Assert.Throws<ConfigurationException>(() => parameters.Integer("wait_minutes"));

        Assert.StartsWith("conf/jobs.yaml:4:39: Koji has no build target", fromFile.Message);
        Assert.StartsWith("command line (--wait_minutes): ", fromFlag.Message);
    }

    private const string Addresses = "pagure: https://p/\n    distgit: https://d/\n    koji: https://k/\n    bugzilla: https://b/\n    bodhi: https://o/\n";

    private static string WithServices(string concurrency) =>
        "services:\n  fedora:\n    " + Addresses + "    concurrency: " + concurrency + "\njobs:\n  u:\n    task: unretire\n    with: { phase: report }\n";

    [Fact]
    public void An_environment_may_bound_the_requests_in_flight_per_service()
    {
        var file = Loader.Parse(WithServices("{ distgit: 12, bugzilla: 2 }"), "jobs.yaml");

        Assert.Equal(new Dictionary<string, int> { ["distgit"] = 12, ["bugzilla"] = 2 }, file.Services["fedora"].Concurrency);
    }

    [Fact]
    public void A_bound_for_an_unknown_service_names_it_and_the_known_ones_at_its_line()
    {
        var error = Fails(WithServices("{ dist-git: 12 }"));

        Assert.Equal(8, error.Line);
        Assert.Contains("unknown service 'dist-git'; expected one of: pagure, forge, distgit", error.Message);
    }

    [Theory]
    [InlineData("{ distgit: 0 }", "0 requests at once; expected 1 to 32")]
    [InlineData("{ distgit: 100 }", "100 requests at once; expected 1 to 32")]
    public void A_bound_outside_1_to_32_is_refused_at_its_value(string concurrency, string expected)
    {
        var error = Fails(WithServices(concurrency));

        Assert.Equal(8, error.Line);
        Assert.Contains($"services.fedora.concurrency.distgit: {expected}", error.Message);
    }

    [Fact]
    public void A_bound_that_is_not_a_number_is_refused_at_its_line()
    {
        var error = Fails(WithServices("{ distgit: many }"));

        Assert.Equal(8, error.Line);
    }
}
