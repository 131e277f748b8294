using System.Globalization;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// Scenarios with N tickets for one job, on top of the default scenario's people, Bodhi releases and Koji tags:
/// every ticket valid and well formed, so each goes through every check the job makes.
/// </summary>
public static class TicketScenarios
{
    /// <summary>N unretirement requests in <c>releng</c>, each for a package retired three weeks ago on rawhide and blocked in the rawhide tag.</summary>
    public static Scenario Unretire(int tickets, string root)
    {
        var scenario = Base(root);
        var issues = Tracker(scenario, "releng");
        var rawhide = scenario.Koji.Tags[RawhideTag(scenario)];
        for (var i = 0; i < tickets; i++)
        {
            var package = Package(i);
            issues.Add(new PagureScenario.Issue
            {
                Id = 40000 + i,
                Title = $"Unretire rpms/{package}",
                Author = "jdoe",
                DaysAgo = 1,
                Body = "Branches: rawhide\nRetired by mistake.",
            });
            scenario.Distgit[$"rpms/{package}"] = Repository("jdoe", [
                new DistGitCommitScenario { Message = "Initial import", DaysAgo = 900 },
                new DistGitCommitScenario { Retire = "Retired: unmaintained", DaysAgo = 21 },
            ]);
            rawhide.Packages[package] = new KojiPackageScenario { Blocked = true };
        }
        return scenario;
    }

    /// <summary>N new-branch requests (epel9) in <c>releng/fedora-scm-requests</c> by each package's main admin.</summary>
    public static Scenario ScmRequests(int tickets, string root)
    {
        var scenario = Base(root);
        var issues = Tracker(scenario, "releng/fedora-scm-requests");
        for (var i = 0; i < tickets; i++)
        {
            var package = Package(i);
            issues.Add(new PagureScenario.Issue
            {
                Id = 60000 + i,
                Title = $"New Branch \"epel9\" for \"rpms/{package}\"",
                Author = "otto",
                DaysAgo = 1,
                Body = $"```\n{{\n \"action\": \"new_branch\",\n \"branch\": \"epel9\",\n \"namespace\": \"rpms\",\n \"repo\": \"{package}\",\n \"create_git_branch\": true\n}}\n```\n",
            });
            scenario.Distgit[$"rpms/{package}"] = Repository("otto", [
                new DistGitCommitScenario { Message = "Initial import", DaysAgo = 500 },
                new DistGitCommitScenario { Message = "Update", DaysAgo = 30 },
            ]);
        }
        return scenario;
    }

    /// <summary>N repositories of three commits on rawhide, f43 branched after the first: what seeding is measured on.</summary>
    public static Scenario Repositories(int repositories)
    {
        var scenario = new Scenario();
        for (var i = 0; i < repositories; i++)
        {
            var repo = Repository("jdoe", [
                new DistGitCommitScenario { Message = "Initial import", DaysAgo = 900 },
                new DistGitCommitScenario { Message = "Update to 2.0", DaysAgo = 300 },
                new DistGitCommitScenario { Retire = "Retired: unmaintained", DaysAgo = 21 },
            ]);
            repo.Branches["f43"] = new DistGitBranchScenario
            {
                From = "rawhide", After = 1, Commits = [new DistGitCommitScenario { Message = "Rebuilt for f43", DaysAgo = 100 }],
            };
            scenario.Distgit[$"rpms/{Package(i)}"] = repo;
        }
        return scenario;
    }

    /// <summary>The Koji tag of the scenario's rawhide release (Bodhi's), where the default scenario blocks retired packages.</summary>
    private static string RawhideTag(Scenario scenario) =>
        scenario.Bodhi.Releases?.FirstOrDefault(r => r.Branch == "rawhide")?.Tag ?? "f44";

    private static string Package(int i) => "bench-" + i.ToString("D5", CultureInfo.InvariantCulture);

    private static DistGitRepoScenario Repository(string owner, List<DistGitCommitScenario> rawhide) => new()
    {
        Owner = owner,
        Branches = { ["rawhide"] = new DistGitBranchScenario { Commits = rawhide } },
    };

    /// <summary>The default scenario with the tickets of the given tracker removed.</summary>
    private static Scenario Base(string root)
    {
        var (scenario, _) = ScenarioLoader.Load(Path.Combine(root, "tests", "scenarios", "default.yaml"));
        return scenario;
    }

    private static List<PagureScenario.Issue> Tracker(Scenario scenario, string project)
    {
        var issues = scenario.Pagure.Projects[project].Issues;
        issues.Clear();
        return issues;
    }
}
