using System.Globalization;
using Releng.Jobs.Configuration;
using Releng.Jobs.DistGit;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>Turns the scenario's <c>distgit:</c> section into project metadata and real bare repositories with dated commits.</summary>
internal static class DistGitSeeder
{
    /// <summary>Service accounts every dist-git has.</summary>
    private static readonly string[] ServiceAccounts = [DistGitProject.OrphanOwner, DistGitWorld.TokenUser, "releng"];

    public static DistGitWorld Seed(Scenario scenario, string gitRoot)
    {
        var world = new DistGitWorld
        {
            GitRoot = Path.GetFullPath(gitRoot),
            Users = scenario.People.Keys.Concat(ServiceAccounts).Distinct().Order(StringComparer.Ordinal).ToList(),
        };
        foreach (var (key, repoScenario) in scenario.Distgit.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            DistGitRepo repo;
            try
            {
                repo = DistGitRepo.Parse(key);
            }
            catch (DistGitNameException e)
            {
                throw Problem(key, e.Message);
            }
            var created = SeedRepository(world, scenario, repo, repoScenario);
            var date = Timestamp(created);
            world.Projects[repo.FullName] = new DistGitProjectState
            {
                Id = world.NextProjectId++,
                Namespace = repo.Namespace,
                Name = repo.Name,
                Description = repoScenario.Description ?? $"The {repo.Name} package",
                Url = repoScenario.Url,
                Owner = repoScenario.Owner,
                Admins = [.. repoScenario.Admins],
                Committers = [.. repoScenario.Committers],
                Collaborators = new(repoScenario.Collaborators),
                AdminGroups = [.. repoScenario.AdminGroups],
                CommitGroups = [.. repoScenario.CommitGroups],
                CollaboratorGroups = new(repoScenario.CollaboratorGroups),
                DateCreated = date,
                DateModified = date,
            };
        }
        return world;
    }

    /// <summary>Epoch seconds with six decimals, the way Pagure prints its timestamps.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>The initial commit of a new project's README, as Pagure makes it with <c>create_readme</c>.</summary>
    public static void CreateReadme(BareRepository bare, string name, string description, string branch, string author, DateTimeOffset date)
    {
        using var scratch = new ScratchWorkTree();
        scratch.Start(null);
        scratch.Write("README.md", $"# {name}\n\n{description}\n");
        var commit = scratch.Commit("Added the README", author, $"{author}@fedoraproject.org", date);
        scratch.Push(bare.Path, [(branch, commit)]);
    }

    /// <summary>Writes the repository; returns the date of its first commit (the project's creation date).</summary>
    private static DateTimeOffset SeedRepository(DistGitWorld world, Scenario scenario, DistGitRepo repo, DistGitRepoScenario repoScenario)
    {
        var bare = BareRepository.Init(world.RepositoryPath(repo.Namespace, repo.Name), CheckBranch(repo, repoScenario.DefaultBranch));
        var commits = new Dictionary<string, List<string>>(); // branch → its commits, oldest first
        var earliest = scenario.Clock;
        using var scratch = new ScratchWorkTree();
        foreach (var branch in BuildOrder(repo, repoScenario))
        {
            var spec = repoScenario.Branches[branch];
            var history = new List<string>();
            if (spec.From is { } from)
            {
                var parent = commits[from];
                var shared = spec.After ?? parent.Count;
                if (shared < 1 || shared > parent.Count)
                {
                    throw Problem(repo.FullName, $"branch {branch}: after: {shared} but {from} has {parent.Count} commit(s)");
                }
                history.AddRange(parent.Take(shared));
            }
            scratch.Start(history.LastOrDefault());
            foreach (var commit in spec.Commits)
            {
                var date = scenario.Clock - TimeSpan.FromDays(commit.DaysAgo);
                earliest = date < earliest ? date : earliest;
                history.Add(WriteCommit(scratch, scenario, repo, repoScenario, branch, commit, date));
            }
            if (history.Count == 0)
            {
                throw Problem(repo.FullName, $"branch {branch} has no commits");
            }
            commits[branch] = history;
        }
        scratch.Push(bare.Path, commits.Select(c => (c.Key, c.Value[^1])));
        return earliest;
    }

    private static string WriteCommit(ScratchWorkTree scratch, Scenario scenario, DistGitRepo repo, DistGitRepoScenario repoScenario,
        string branch, DistGitCommitScenario commit, DateTimeOffset date)
    {
        var author = commit.Author ?? (repoScenario.Owner == DistGitProject.OrphanOwner ? "releng" : repoScenario.Owner);
        var person = scenario.People.GetValueOrDefault(author);
        var message = commit.Message ?? commit.Retire
            ?? throw Problem(repo.FullName, $"branch {branch}: a commit needs a message or a retire reason");
        if (commit.Retire is { } reason)
        {
            foreach (var file in scratch.TrackedFiles())
            {
                scratch.Write(file, null);
            }
            scratch.Write(PagureDistGit.DeadPackage, reason.EndsWith('\n') ? reason : reason + "\n");
        }
        else if (commit.Files.Count == 0)
        {
            var spec = $"{repo.Name}.spec";
            var text = scratch.Read(spec) ?? SpecFile(repo.Name, repoScenario.Description);
            scratch.Write(spec, text + $"- {message.Split('\n')[0]}\n");
        }
        foreach (var (path, content) in commit.Files)
        {
            scratch.Write(path, content);
        }
        return scratch.Commit(message, person?.Fullname ?? author, person?.EmailOr(author) ?? $"{author}@fedoraproject.org", date);
    }

    private static string SpecFile(string name, string? summary) =>
        $"Name:           {name}\nVersion:        1.0\nRelease:        1%{{?dist}}\nSummary:        {summary ?? name}\n" +
        $"License:        MIT\n\n%description\n{summary ?? name}\n\n%changelog\n";

    /// <summary>Branches in an order where every <c>from</c> comes before the branches made from it.</summary>
    private static List<string> BuildOrder(DistGitRepo repo, DistGitRepoScenario repoScenario)
    {
        var order = new List<string>();
        var visiting = new HashSet<string>();
        void Visit(string branch)
        {
            if (order.Contains(branch))
            {
                return;
            }
            if (!visiting.Add(branch))
            {
                throw Problem(repo.FullName, $"branch {branch} is made from itself (a cycle of from/same-as)");
            }
            CheckBranch(repo, branch);
            if (repoScenario.Branches[branch].From is { } from)
            {
                if (!repoScenario.Branches.ContainsKey(from))
                {
                    throw Problem(repo.FullName, $"branch {branch} is made from {from}, which is not in branches");
                }
                Visit(from);
            }
            order.Add(branch);
        }
        foreach (var branch in repoScenario.Branches.Keys.Order(StringComparer.Ordinal))
        {
            Visit(branch);
        }
        return order;
    }

    private static string CheckBranch(DistGitRepo repo, string branch) =>
        DistGitName.IsBranch(branch) ? branch : throw Problem(repo.FullName, $"invalid branch name '{branch}'");

    private static ConfigurationException Problem(string repo, string problem) =>
        new("scenario", 0, 0, $"distgit {repo}: {problem}");
}
