using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Tests.Sandbox;

/// <summary>
/// The fake Fedora (jobs/Sandbox/, assembly Releng.Jobs.Sandbox, with WireMock.Net) is for the build host, tests and
/// benchmarks only: the jobs assembly that talks to the real Fedora neither compiles it nor references it.
/// </summary>
public sealed partial class JobsDoNotReferenceTheSandboxTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly System.Reflection.Assembly Jobs = typeof(IJobFactory).Assembly;

    private static bool IsSandboxOrWireMock(string name) =>
        name == "Releng.Jobs.Sandbox" || name.StartsWith("Releng.Jobs.Sandbox.", StringComparison.Ordinal)
        || name.StartsWith("WireMock", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void The_jobs_assembly_references_neither_the_sandbox_nor_WireMock()
    {
        var references = Jobs.GetReferencedAssemblies().Select(reference => reference.Name ?? "").ToList();

        Assert.Equal("Releng.Jobs", Jobs.GetName().Name);
        Assert.Contains("Refit", references); // the check reads real references
        Assert.DoesNotContain(references, IsSandboxOrWireMock);
    }

    [Fact]
    public void The_jobs_assembly_compiles_none_of_the_sandbox()
    {
        var sandboxTypes = Jobs.GetTypes()
            .Where(type => type.Namespace is { } ns && IsSandboxOrWireMock(ns))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(sandboxTypes);
        Assert.Contains(typeof(Releng.Jobs.Sandbox.SandboxHost).Assembly.GetTypes(), type => type.Namespace == "Releng.Jobs.Sandbox");
    }

    [Fact]
    public void The_jobs_project_has_no_sandbox_or_WireMock_reference_and_excludes_the_sandbox_folder()
    {
        var project = XDocument.Load(Path.Combine(Root, "jobs", "Jobs.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToList();

        Assert.Contains("Refit", references);
        Assert.DoesNotContain(references, reference =>
            IsSandboxOrWireMock(Path.GetFileNameWithoutExtension(reference)) || reference.Contains("Sandbox", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(project.Descendants().Where(e => e.Name.LocalName == "DefaultItemExcludes"),
            excludes => excludes.Value.Contains("Sandbox/**", StringComparison.Ordinal));
    }

    [Fact]
    public void The_jobs_lock_file_holds_no_WireMock_package_even_transitively()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "jobs", "packages.lock.json")));
        var packages = lockFile.RootElement.GetProperty("dependencies").EnumerateObject()
            .SelectMany(framework => framework.Value.EnumerateObject().Select(package => package.Name))
            .ToList();

        Assert.Contains("Refit", packages);
        Assert.DoesNotContain(packages, IsSandboxOrWireMock);
    }

    [Fact]
    public void No_source_file_of_the_jobs_uses_the_sandbox_or_WireMock()
    {
        var jobs = Path.Combine(Root, "jobs");
        var offenders = Directory.EnumerateFiles(jobs, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("jobs/Sandbox/", StringComparison.Ordinal)
                           && !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => SandboxUse().IsMatch(File.ReadAllText(Path.Combine(Root, file))))
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(Releng\.Jobs\.Sandbox|WireMock)\b")]
    private static partial Regex SandboxUse();
}
