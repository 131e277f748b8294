using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using Releng.Jobs.Configuration;
using Releng.Jobs.Workflows;

namespace Releng.Jobs.Tests.Workflows;

public sealed partial class ForgejoWorkflowGeneratorTests : IDisposable
{
    internal const string SampleJobsYaml = """
        services:
          fedora:
            pagure: https://pagure.io
            forge: https://forge.fedoraproject.org
            distgit: https://src.fedoraproject.org
            koji: https://koji.fedoraproject.org/kojihub
            bugzilla: https://bugzilla.redhat.com
            bodhi: https://bodhi.fedoraproject.org
        jobs:
          unretire:
            task: unretire
            schedule: "17 */2 * * *"
            apply: true
            events: [releng-ticket]
            with: { tracker: "forge:releng/tickets", phase: recent }
          scm-requests:
            task: scm-requests
            schedule: "*/10 * * * *"
            apply: true
            events: [scm-request]
            with: { tracker: "forge:releng/fedora-scm-requests", bot: releng-bot }
          base-image-push:
            task: base-image-push
            schedule: "43 6 * * 1"
            apply: true
            with:
              image: Fedora-Container-Base-Generic
              target: f44-container
              repository: fedora
              registries: [registry.fedoraproject.org, quay.io/fedora]
              tags: ["44", rawhide]
          unretire-pagure:
            task: unretire
            events: [pagure-ticket]
            with: { tracker: "pagure:releng", phase: report }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("forgejo-run-step-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static JobsFile Sample() => new JobsFileLoader(TaskCatalog.Default).Parse(SampleJobsYaml, "jobs.yaml");

    private static string Text(string job, ForgejoWorkflowOptions? options = null) =>
        new ForgejoWorkflowGenerator(TaskCatalog.Default, options).Generate(Sample()).Single(f => f.Path == $".forgejo/workflows/{job}.yml").Content;

    private static YamlMappingNode Parse(string text) => WorkflowYaml.Parse(text);

    private static YamlNode Node(YamlNode node, params string[] path) => WorkflowYaml.Node(node, path);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;

    private static IEnumerable<string> Keys(YamlNode map) => ((YamlMappingNode)map).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    private static IEnumerable<string> Items(YamlNode node, params string[] path) =>
        ((YamlSequenceNode)Node(node, path)).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static IReadOnlyList<YamlMappingNode> Steps(YamlNode workflow) =>
        ((YamlSequenceNode)Node(workflow, "jobs", "run", "steps")).Children.Cast<YamlMappingNode>().ToList();

    private static YamlMappingNode RunStep(YamlNode workflow, string job) => Steps(workflow).Single(s => Scalar(s, "name") == $"Run {job}");

    [Fact]
    public void Every_enabled_job_gets_a_forgejo_workflow_with_the_generated_header_and_no_ci()
    {
        var files = new ForgejoWorkflowGenerator(TaskCatalog.Default).Generate(Sample());

        Assert.Equal(
            [".forgejo/workflows/base-image-push.yml", ".forgejo/workflows/scm-requests.yml", ".forgejo/workflows/unretire-pagure.yml", ".forgejo/workflows/unretire.yml"],
            files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.StartsWith($"# {WorkflowGenerator.Header}\n", f.Content, StringComparison.Ordinal));
        Assert.All(files, f => Parse(f.Content));
    }

    [Fact]
    public void A_forge_ticket_job_runs_on_its_schedule_by_hand_and_on_new_tickets_edits_reopenings_and_comments()
    {
        var workflow = Parse(Text("unretire"));

        Assert.Equal(["schedule", "workflow_dispatch", "issues", "issue_comment"], Keys(Node(workflow, "on")));
        Assert.Equal("17 */2 * * *", Scalar(((YamlSequenceNode)Node(workflow, "on", "schedule")).Children[0], "cron"));
        Assert.Equal(["opened", "edited", "reopened"], Items(workflow, "on", "issues", "types"));
        Assert.Equal(["created"], Items(workflow, "on", "issue_comment", "types"));
    }

    [Fact]
    public void Manual_runs_take_the_same_inputs_as_on_github()
    {
        var github = new WorkflowGenerator(TaskCatalog.Default).Generate(Sample()).Files.Single(f => f.Path == ".github/workflows/unretire.yml");

        var forgejo = Node(Parse(Text("unretire")), "on", "workflow_dispatch", "inputs");

        Assert.Equal(Keys(Node(Parse(github.Content), "on", "workflow_dispatch", "inputs")), Keys(forgejo));
        Assert.Contains("apply", Keys(forgejo));
        Assert.Contains("ticket", Keys(forgejo));
    }

    [Fact]
    public void A_ticket_event_runs_only_on_the_tracker_repository_never_for_pull_requests_or_the_bots_own_comments()
    {
        var text = Text("scm-requests");
        var condition = Scalar(Parse(text), "jobs", "run", "if");

        Assert.Equal(
            "(github.event_name != 'issues' && github.event_name != 'issue_comment') || " +
            "(github.repository == 'releng/fedora-scm-requests' && !github.event.issue.pull_request && github.event.sender.login != 'releng-bot')",
            condition);
        Assert.Contains("# Issue events fire for the issues of the repository holding this workflow", text);
        Assert.Contains("releng/tickets", Scalar(Parse(Text("unretire")), "jobs", "run", "if"));
    }

    [Fact]
    public void The_ticket_url_reaches_the_run_step_only_through_an_environment_variable()
    {
        var step = RunStep(Parse(Text("unretire")), "unretire");

        Assert.Equal("${{ github.event.issue.html_url }}", Scalar(step, "env", "TICKET_URL"));
        var script = Scalar(step, "run");
        Assert.DoesNotContain("${{", script);
        Assert.Contains("\"--ticket-url=$TICKET_URL\"", script);
    }

    [Fact]
    public void An_image_job_runs_on_its_schedule_and_by_hand_only_with_its_registry_secrets()
    {
        var workflow = Parse(Text("base-image-push"));

        Assert.Equal(["schedule", "workflow_dispatch"], Keys(Node(workflow, "on")));
        Assert.DoesNotContain("if", Keys(Node(workflow, "jobs", "run")));
        Assert.Equal("docker", Scalar(workflow, "jobs", "run", "runs-on"));
        var env = (YamlMappingNode)Node(RunStep(workflow, "base-image-push"), "env");
        Assert.DoesNotContain("TICKET_URL", Keys(env));
        Assert.Contains("REGISTRY_QUAY_IO_USER", Keys(env));
        Assert.DoesNotContain("FORGE_TOKEN", Keys(env));
        Assert.Contains("Install tools", Steps(workflow).Select(s => Scalar(s, "name")));
    }

    [Fact]
    public void A_job_reading_a_pagure_tracker_gets_no_issue_triggers_since_its_tickets_are_not_on_the_forge()
    {
        var workflow = Parse(Text("unretire-pagure"));

        Assert.Equal(["workflow_dispatch"], Keys(Node(workflow, "on")));
        Assert.DoesNotContain("TICKET_URL", Keys(Node(RunStep(workflow, "unretire-pagure"), "env")));
    }

    [Theory]
    [InlineData("unretire")]
    [InlineData("base-image-push")]
    public void Every_action_is_named_by_full_url(string job)
    {
        var uses = Steps(Parse(Text(job))).Where(s => Keys(s).Contains("uses")).Select(s => Scalar(s, "uses")).ToList();

        Assert.Equal(5, uses.Count);
        Assert.All(uses, u => Assert.Matches(@"^https://(code\.forgejo\.org|github\.com)/[\w.-]+/[\w.-]+@v\d+$", u));
    }

    [Theory]
    [InlineData("unretire")]
    [InlineData("scm-requests")]
    [InlineData("base-image-push")]
    public void Secrets_come_only_from_the_secrets_context_into_the_run_step_and_are_those_the_job_needs(string job)
    {
        var jobs = Sample();
        var text = Text(job);
        var env = (YamlMappingNode)Node(RunStep(Parse(text), job), "env");
        var secrets = env.Children
            .Where(kv => ((YamlScalarNode)kv.Value).Value!.Contains("secrets.", StringComparison.Ordinal))
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

        Assert.Equal(TaskWorkflowProfile.For(jobs.Jobs[job].Task).SecretsOf(jobs.Jobs[job]), secrets.Keys);
        Assert.All(secrets, kv => Assert.Equal($"${{{{ secrets.{kv.Key} }}}}", kv.Value));
        // Nothing else in the file reads a secret, and the automatic token is never used.
        Assert.Equal(secrets.Count, SecretReference().Matches(text).Count);
        Assert.DoesNotContain("GITHUB_TOKEN", text);
        Assert.DoesNotContain("FORGEJO_TOKEN", text);
    }

    [Fact]
    public void Concurrency_is_declared_with_a_comment_that_forgejo_only_tries_to_honour_it()
    {
        var text = Text("unretire");

        Assert.Contains("# Forgejo treats concurrency as best effort", text);
        Assert.Equal("false", Scalar(Parse(text), "concurrency", "cancel-in-progress"));
    }

    [Fact]
    public void The_runner_label_is_an_option()
    {
        Assert.Equal("fedora-light", Scalar(Parse(Text("unretire", new ForgejoWorkflowOptions { RunsOn = "fedora-light" })), "jobs", "run", "runs-on"));
    }

    [Fact]
    public void A_bot_name_that_is_no_account_name_is_refused_at_its_jobs_yaml_position()
    {
        var file = new JobsFileLoader(TaskCatalog.Default).Parse(SampleJobsYaml.Replace("bot: releng-bot", "bot: \"x' || true || '\""), "jobs.yaml");

        var error = Assert.Throws<ConfigurationException>(() => new ForgejoWorkflowGenerator(TaskCatalog.Default).Generate(file));

        Assert.Contains("jobs.yaml:", error.Message);
        Assert.Contains("is not a forge user name", error.Message);
    }

    [Theory]
    [InlineData("issues")]
    [InlineData("issue_comment")]
    public void A_ticket_event_applies_like_a_schedule_and_passes_its_issue_url_as_one_argument(string eventName)
    {
        const string url = "https://forge.fedoraproject.org/releng/tickets/issues/12\"; touch pwned; echo \"";

        var args = Run("unretire", ("GITHUB_EVENT_NAME", eventName), ("TICKET_URL", url));

        Assert.Equal("--apply", args[4]);
        Assert.Equal($"--ticket-url={url}", args[^1]);
        Assert.False(File.Exists(Path.Combine(_dir, "pwned")));
    }

    [Fact]
    public void A_manual_run_never_takes_a_ticket_url_and_plans_unless_apply_is_ticked()
    {
        var args = Run("unretire", ("GITHUB_EVENT_NAME", "workflow_dispatch"), ("INPUT_APPLY", "false"), ("TICKET_URL", "https://forge.fedoraproject.org/releng/tickets/issues/1"));

        Assert.Equal(["--target=unretire", "--job=unretire", "--env=fedora", "--audit=artifacts/audit/unretire.jsonl"], args);
    }

    private string[] Run(string job, params (string Name, string Value)[] environment)
    {
        var script = Scalar(RunStep(Parse(Text(job)), job), "run");
        return RunStepScript.Run(_dir, script, environment);
    }

    [GeneratedRegex(@"secrets\.")]
    private static partial Regex SecretReference();
}
