using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Tests.Sandbox;

public sealed class ScenarioIncludeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"));

    public ScenarioIncludeTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, string yaml)
    {
        var file = Path.Combine(_root, name);
        File.WriteAllText(file, yaml);
        return file;
    }

    [Fact]
    public void Included_files_merge_people_and_sections()
    {
        Write("a.yaml", "people: { alice: { email: alice@example.org } }\n");
        Write("b.yaml", "people: { bob: { packager: false } }\n");
        var main = Write("main.yaml", "clock: 2026-11-24T12:00:00Z\ninclude: [a.yaml, b.yaml]\npeople: { carol: {} }\n");

        var (scenario, _) = ScenarioLoader.Load(main);

        Assert.Equal(["alice", "bob", "carol"], scenario.People.Keys.Order());
        Assert.False(scenario.People["bob"].Packager);
    }

    [Fact]
    public void A_typo_in_an_included_file_names_that_file_and_line()
    {
        var included = Write("a.yaml", "people:\n  alice: { emial: alice@example.org }\n");
        var main = Write("main.yaml", "include: [a.yaml]\n");

        var error = Assert.Throws<ConfigurationException>(() => ScenarioLoader.Load(main));

        Assert.Equal(included, error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Two_files_setting_one_value_differently_is_an_error()
    {
        Write("a.yaml", "people: { alice: { email: alice@example.org } }\n");
        var main = Write("main.yaml", "include: [a.yaml]\npeople: { alice: { email: other@example.org } }\n");

        var error = Assert.Throws<ConfigurationException>(() => ScenarioLoader.Load(main));

        Assert.Contains("'people.alice.email' is set differently", error.Message);
    }

    [Fact]
    public void What_a_fake_cannot_seed_from_an_included_file_names_that_file_and_its_line()
    {
        var included = Write("koji.yaml", "koji:\n  builds:\n    - { nvr: foo-1-1.fc44 }\n    - { nvr: foo-1-1.fc44, type: module }\n");
        var main = Write("main.yaml", "include: [koji.yaml]\npeople: { jdoe: {} }\n");
        var (scenario, hash) = ScenarioLoader.Load(main);

        var error = Assert.Throws<ConfigurationException>(() => SandboxWorld.Seed(scenario, hash, new SandboxPaths(Path.Combine(_root, "sandbox"))));

        Assert.Equal((included, 4L, 7L), (error.File, error.Line, error.Column));
        Assert.Equal("koji build foo-1-1.fc44 is listed twice; Koji has one build per NVR", error.Problem);
    }
}
