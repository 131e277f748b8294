using YamlDotNet.RepresentationModel;
using Releng.Jobs.Configuration;
using Releng.Jobs.Workflows;

namespace Releng.Jobs.Tests.Workflows;

/// <summary>
/// Runs the generated run step with bash against a stand-in <c>build.sh</c> that records its arguments, as the
/// runner would with the event's environment.
/// </summary>
public sealed class RunStepTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("run-step-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_scheduled_run_applies_when_jobs_yaml_says_apply()
    {
        Assert.Equal(
            ["--target=unretire", "--job=unretire", "--env=fedora", "--audit=artifacts/audit/unretire.jsonl", "--apply"],
            Run("unretire", ("GITHUB_EVENT_NAME", "schedule")));
    }

    [Fact]
    public void A_scheduled_run_only_plans_when_jobs_yaml_does_not_say_apply()
    {
        Assert.DoesNotContain("--apply", Run("base-image-rebuild", ("GITHUB_EVENT_NAME", "schedule")));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void A_manual_run_applies_only_when_its_apply_input_is_ticked(string input, bool applies)
    {
        var args = Run("base-image-rebuild", ("GITHUB_EVENT_NAME", "workflow_dispatch"), ("INPUT_APPLY", input));

        Assert.Equal(applies, args.Contains("--apply"));
    }

    [Fact]
    public void Dispatch_inputs_become_arguments_only_when_given()
    {
        Assert.Equal(
            ["--target=unretire", "--job=unretire", "--env=fedora", "--audit=artifacts/audit/unretire.jsonl", "--ticket=12345"],
            Run("unretire", ("GITHUB_EVENT_NAME", "workflow_dispatch"), ("INPUT_APPLY", "false"), ("INPUT_TICKET", "12345")));
        Assert.Contains("--force", Run("base-image-rebuild", ("GITHUB_EVENT_NAME", "workflow_dispatch"), ("INPUT_FORCE", "true")));
        Assert.DoesNotContain("--force", Run("base-image-rebuild", ("GITHUB_EVENT_NAME", "workflow_dispatch"), ("INPUT_FORCE", "false")));
    }

    [Fact]
    public void A_webhook_run_passes_the_ticket_url_and_follows_jobs_yaml_apply()
    {
        var args = Run("unretire", ("GITHUB_EVENT_NAME", "repository_dispatch"), ("TICKET_URL", "https://pagure.io/releng/issue/12345"));

        Assert.Contains("--ticket-url=https://pagure.io/releng/issue/12345", args);
        Assert.Contains("--apply", args);
    }

    [Theory]
    [InlineData("1\"; touch pwned; echo \"")]
    [InlineData("$(touch pwned)")]
    [InlineData("`touch pwned`")]
    [InlineData("1 --apply")]
    public void A_hostile_input_value_arrives_as_one_literal_argument_and_runs_nothing(string hostile)
    {
        var args = Run("unretire", ("GITHUB_EVENT_NAME", "workflow_dispatch"), ("INPUT_APPLY", "false"), ("INPUT_TICKET", hostile));

        Assert.Equal($"--ticket={hostile}", args[^1]);
        Assert.DoesNotContain("--apply", args);
        Assert.False(File.Exists(Path.Combine(_dir, "pwned")));
    }

    private string[] Run(string job, params (string Name, string Value)[] environment)
    {
        var file = new JobsFileLoader(TaskCatalog.Default).Parse(WorkflowGeneratorTests.SampleJobsYaml, "jobs.yaml");
        var workflow = new WorkflowGenerator(TaskCatalog.Default).Generate(file).Files.Single(f => f.Path == WorkflowGenerator.PathOf(job));
        var stream = new YamlStream();
        stream.Load(new StringReader(workflow.Content));
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)
            .Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("run")]).Children[new YamlScalarNode("steps")];
        var run = steps.Children.Cast<YamlMappingNode>().Single(s =>
            ((YamlScalarNode)s.Children[new YamlScalarNode("name")]).Value == $"Run {job}");
        var script = ((YamlScalarNode)run.Children[new YamlScalarNode("run")]).Value!;
        return RunStepScript.Run(_dir, script, environment);
    }
}
