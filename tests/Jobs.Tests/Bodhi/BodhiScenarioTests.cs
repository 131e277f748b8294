using Releng.Jobs.Configuration;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.Bodhi;

/// <summary>The <c>bodhi:</c> scenario section: what Bodhi could not have is reported where it is written.</summary>
public sealed class BodhiScenarioTests
{
    private static ConfigurationException Refused(string yaml) =>
        Assert.Throws<ConfigurationException>(() => TestSandbox.FromYaml(yaml, new TestSandboxOptions { Fakes = [ServiceName.Bodhi] }));

    [Fact]
    public void A_rawhide_release_without_its_tag_is_reported_at_that_release()
    {
        var error = Refused("bodhi:\n  releases:\n    - { branch: f43 }\n    - { branch: rawhide, name: F44 }\n");

        Assert.Equal((4L, 7L), (error.Line, error.Column));
        Assert.EndsWith("scenario.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal("bodhi: the rawhide release needs its tag (e.g. tag: f44)", error.Problem);
    }

    [Fact]
    public void A_release_without_its_branch_is_reported_at_the_release_that_lacks_it()
    {
        var error = Refused("bodhi:\n  releases:\n    - { branch: f43 }\n    - name: F44\n      tag: f44\n");

        Assert.Equal((4L, 7L), (error.Line, error.Column));
        Assert.Contains("missing required key", error.Problem, StringComparison.Ordinal);
        Assert.Contains("branch", error.Problem, StringComparison.Ordinal);
    }
}
