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

    /// <summary>Repositories written at once: libgit2 in-process, so about one per core.</summary>
    private static readonly int SeedingConcurrency = Math.Max(2, Environment.ProcessorCount);

    public static DistGitWorld Seed(Scenario scenario, string gitRoot)
    {
        var world = new DistGitWorld
        {
            GitRoot = Path.GetFullPath(gitRoot),
            Users = scenario.People.Keys.Concat(ServiceAccounts).Distinct().Order(StringComparer.Ordinal).ToList(),
        };
        // The histories are planned in memory first (where a scenario mistake is reported), then written in-process
        // by libgit2 into a copy of an empty repository, each history as one pack, several repositories at a time: no
        // git process at all.
        var planned = new List<(DistGitRepo Repo, DistGitRepoScenario Scenario, RepositoryHistory History)>();
        foreach (var (key, repoScenario) in scenario.Distgit.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            DistGitRepo repo;
            try
            {
                repo = DistGitRepo.Parse(key);
            }
            catch (DistGitNameException e)
            {
                throw new ConfigurationException(repoScenario.At, Problem(key, e.Message).Problem);
            }
            try
            {
                planned.Add((repo, repoScenario, PlanHistory(scenario, repo, repoScenario)));
            }
            catch (ConfigurationException e) when (e.At == IScenarioEntry.Nowhere)
            {
                // The history's checks know the repository, not where it was written: its entry is.
                throw new ConfigurationException(repoScenario.At, e.Problem);
            }
        }
        var templates = new EmptyRepositoryTemplates(Path.Combine(world.GitRoot, ".templates"));
        try
        {
            Parallel.ForEach(planned, new ParallelOptions { MaxDegreeOfParallelism = SeedingConcurrency }, p =>
                templates.CopyTo(world.RepositoryPath(p.Repo.Namespace, p.Repo.Name), p.Scenario.DefaultBranch).Write(p.History.Commits));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            throw e.InnerExceptions[0];
        }
        finally
        {
            templates.Dispose();
        }
        foreach (var (repo, repoScenario, history) in planned)
        {
            var date = Timestamp(history.Earliest);
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
        var history = new PlannedHistory();
        history.Commit(branch, null, new Dictionary<string, string> { ["README.md"] = $"# {name}\n\n{description}\n" },
            "Added the README", author, $"{author}@fedoraproject.org", date);
        bare.Write(history);
    }

    /// <summary>A repository's planned commits, and the date of its first commit (the project's creation date).</summary>
    private sealed record RepositoryHistory(PlannedHistory Commits, DateTimeOffset Earliest);

    private static RepositoryHistory PlanHistory(Scenario scenario, DistGitRepo repo, DistGitRepoScenario repoScenario)
    {
        CheckBranch(repo, repoScenario.DefaultBranch);
        var planned = new PlannedHistory();
        var commits = new Dictionary<string, List<(int Commit, Dictionary<string, string> Files)>>(); // branch → its commits, oldest first
        var earliest = scenario.Clock;
        foreach (var branch in BuildOrder(repo, repoScenario))
        {
            var spec = repoScenario.Branches[branch];
            var history = new List<(int Commit, Dictionary<string, string> Files)>();
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
            foreach (var commit in spec.Commits)
            {
                var date = scenario.Clock - TimeSpan.FromDays(commit.DaysAgo);
                earliest = date < earliest ? date : earliest;
                var files = new Dictionary<string, string>(history.Count > 0 ? history[^1].Files : [], StringComparer.Ordinal);
                var (message, author, email) = ApplyCommit(files, scenario, repo, repoScenario, branch, commit);
                history.Add((planned.Commit(branch, history.Count > 0 ? history[^1].Commit : null, files, message, author, email, date), files));
            }
            if (history.Count == 0)
            {
                throw Problem(repo.FullName, $"branch {branch} has no commits");
            }
            if (spec.Commits.Count == 0)
            {
                planned.SetBranch(branch, history[^1].Commit);
            }
            commits[branch] = history;
        }
        return new RepositoryHistory(planned, earliest);
    }

    /// <summary>Changes <paramref name="files"/> as the commit does; returns its message and author.</summary>
    private static (string Message, string Author, string Email) ApplyCommit(Dictionary<string, string> files, Scenario scenario,
        DistGitRepo repo, DistGitRepoScenario repoScenario, string branch, DistGitCommitScenario commit)
    {
        var author = commit.Author ?? (repoScenario.Owner == DistGitProject.OrphanOwner ? "releng" : repoScenario.Owner);
        var person = scenario.People.GetValueOrDefault(author);
        var message = commit.Message ?? commit.Retire
            ?? throw Problem(repo.FullName, $"branch {branch}: a commit needs a message or a retire reason");
        if (commit.Retire is { } reason)
        {
            files.Clear();
            files[PagureDistGit.DeadPackage] = reason.EndsWith('\n') ? reason : reason + "\n";
        }
        else if (commit.Files.Count == 0)
        {
            var spec = $"{repo.Name}.spec";
            var text = files.GetValueOrDefault(spec) ?? SpecFile(repo.Name, repoScenario.Description);
            files[spec] = text + $"- {message.Split('\n')[0]}\n";
        }
        foreach (var (path, content) in commit.Files)
        {
            var file = CheckPath(repo, branch, path);
            if (content is null)
            {
                files.Remove(file);
            }
            else
            {
                files[file] = content;
            }
        }
        return (message, person?.Fullname ?? author, person?.EmailOr(author) ?? $"{author}@fedoraproject.org");
    }

    /// <summary>A file path inside the repository's tree, with forward slashes and no <c>.</c>, <c>..</c> or <c>.git</c> parts.</summary>
    private static string CheckPath(DistGitRepo repo, string branch, string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        if (parts.Any(p => p is "" or "." or ".." || p.Equals(".git", StringComparison.OrdinalIgnoreCase) || p.Contains('\n')))
        {
            throw Problem(repo.FullName, $"branch {branch}: file path '{path}' leaves the repository");
        }
        return string.Join('/', parts);
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
