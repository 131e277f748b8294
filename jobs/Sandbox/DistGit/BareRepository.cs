using System.Text;
using LibGit2Sharp;
using Releng.Jobs.DistGit;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// One of the sandbox's bare repositories, read and changed in-process with libgit2, as Pagure does with pygit2:
/// no git process per request. The jobs' own clones and pushes still go through the real <c>git</c>; each call
/// opens the repository afresh, so what a push wrote is what the next request sees.
/// </summary>
internal sealed class BareRepository(string path)
{
    static BareRepository()
    {
        // Like the jobs' git (GitProcess), the fake must not see the machine's or the user's git configuration.
        foreach (var level in new[] { ConfigurationLevel.System, ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.ProgramData })
        {
            GlobalSettings.SetConfigSearchPaths(level, "");
        }
    }

    public string Path { get; } = path;

    public bool Exists => Directory.Exists(Path);

    public static BareRepository Init(string path, string defaultBranch)
    {
        Repository.Init(path, isBare: true);
        using (var repository = new Repository(path))
        {
            // HEAD names the default branch before it has a commit, as git init --initial-branch leaves it.
            repository.Refs.Add("HEAD", $"refs/heads/{defaultBranch}", allowOverwrite: true);
        }
        return new BareRepository(path);
    }

    /// <summary>Branch names with their head commits, in name order (as Pagure lists them).</summary>
    public IReadOnlyList<(string Name, string Head)> Branches() => Read(Branches);

    /// <summary>The branch HEAD points to, when that branch exists.</summary>
    public string? DefaultBranch() => Read(repository => DefaultBranch(repository, Branches(repository)));

    /// <summary>The branch HEAD points to, when it is one of <paramref name="branches"/> (saves listing them again).</summary>
    public string? DefaultBranch(IReadOnlyList<(string Name, string Head)> branches) => Read(repository => DefaultBranch(repository, branches));

    public string? Head(string branch) => Read(repository => Head(repository, branch));

    /// <summary>
    /// A file's text at a branch head or, when no branch has that name, at a commit (a hexadecimal id, full or
    /// abbreviated; a tag is followed to its commit), as Pagure's raw view resolves it. Null when either is missing.
    /// </summary>
    public string? ReadFile(string branchOrCommit, string file) => Read(repository =>
    {
        var commit = Head(repository, branchOrCommit) is { } head
            ? repository.Lookup<Commit>(new ObjectId(head))
            : IsHexadecimal(branchOrCommit) ? FindCommit(repository, branchOrCommit) : null;
        return commit?[file]?.Target is Blob blob ? Text(blob) : null;
    });

    /// <summary>
    /// The commit a hexadecimal id (full or abbreviated) names, or null when it names nothing, or something other than
    /// a commit (a tag, a tree, a blob: Pagure's commit endpoint does not follow tags).
    /// </summary>
    public RepositoryCommit? CommitInfo(string id) => Read(repository =>
    {
        if (!IsHexadecimal(id) || FindObject(repository, id) is not Commit commit)
        {
            return null;
        }
        // What pygit2 reports: libgit2's message (the raw one), the committer's time and offset in minutes.
        return new RepositoryCommit(commit.Sha, commit.Author.Name, commit.Committer.Name, commit.Committer.When.ToUnixTimeSeconds(),
            (int)commit.Committer.When.Offset.TotalMinutes, commit.Message, commit.Parents.Select(p => p.Sha).ToList(), commit.Tree.Sha);
    });

    /// <summary>
    /// What Pagure's <c>c/{id}.patch</c> finds for an id: pygit2's <c>Repository.get</c> (a hexadecimal id, full or
    /// abbreviated, of any object), and for a commit the diff against its first parent (against nothing for a root) as
    /// libgit2 prints it. <see cref="CommitPatchLookup.NotACommit"/> for a tree, blob or tag, on which Pagure fails.
    /// </summary>
    public (CommitPatchLookup Found, PatchedCommit? Commit) CommitPatch(string id) => Read(repository =>
    {
        if (!IsHexadecimal(id) || FindObject(repository, id) is not { } found)
        {
            return (CommitPatchLookup.NoSuchObject, (PatchedCommit?)null);
        }
        if (found is not Commit commit)
        {
            return (CommitPatchLookup.NotACommit, null);
        }
        var diff = repository.Diff.Compare<Patch>(commit.Parents.FirstOrDefault()?.Tree, commit.Tree);
        return (CommitPatchLookup.Commit, new PatchedCommit(
            commit.Sha, commit.Author.Name, commit.Author.Email, commit.Committer.When.ToUnixTimeSeconds(), commit.Message, diff.Content));
    });

    public bool HasCommit(string commit) => Read(repository => FindCommit(repository, commit) is not null);

    public string ResolveCommit(string commit) => Read(repository =>
        FindCommit(repository, commit)?.Sha ?? throw new InvalidOperationException($"{Path}: no commit {commit}"));

    public void CreateBranch(string branch, string commit) => Change(repository =>
        repository.Refs.Add($"refs/heads/{DistGitName.Branch(branch)}", new ObjectId(commit), allowOverwrite: false));

    /// <summary>Writes a planned history's objects as one pack and points its branches at its commits.</summary>
    public void Write(PlannedHistory history) => Change(repository =>
    {
        var objects = repository.ObjectDatabase;
        var pending = new PendingObjects();
        objects.AddBackend(pending, priority: 100);
        var blobs = new Dictionary<string, ObjectId>(StringComparer.Ordinal);
        var commits = new List<Commit>(history.Commits.Count);
        foreach (var planned in history.Commits)
        {
            var tree = new TreeDefinition();
            foreach (var (file, content) in planned.Files)
            {
                if (!blobs.TryGetValue(content, out var blob))
                {
                    blobs[content] = blob = objects.Write<Blob>(Encoding.UTF8.GetBytes(content));
                }
                tree.Add(file, blob, Mode.NonExecutableFile);
            }
            var signature = new Signature(planned.AuthorName, planned.AuthorEmail, planned.Date);
            IEnumerable<Commit> parents = planned.Parent is { } parent ? [commits[parent]] : [];
            commits.Add(objects.CreateCommit(signature, signature, planned.Message, objects.CreateTree(tree), parents, prettifyMessage: false));
        }
        objects.Pack(new PackBuilderOptions(System.IO.Path.Combine(Path, "objects", "pack")) { MaximumNumberOfThreads = 1 }, pack =>
        {
            foreach (var id in pending.Ids)
            {
                pack.Add(id);
            }
        });
        foreach (var (branch, commit) in history.Branches)
        {
            repository.Refs.Add($"refs/heads/{branch}", commits[commit].Id, allowOverwrite: true);
        }
    });

    private T Read<T>(Func<Repository, T> work)
    {
        using var repository = new Repository(Path);
        return work(repository);
    }

    private void Change(Action<Repository> work)
    {
        using var repository = new Repository(Path);
        work(repository);
    }

    private static List<(string Name, string Head)> Branches(Repository repository) =>
        repository.Refs
            .Where(r => r.CanonicalName.StartsWith("refs/heads/", StringComparison.Ordinal))
            .Select(r => (Name: r.CanonicalName["refs/heads/".Length..], Target: r.ResolveToDirectReference()?.TargetIdentifier))
            .Where(b => b.Target is not null)
            .Select(b => (b.Name, b.Target!))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

    private static string? DefaultBranch(Repository repository, IReadOnlyList<(string Name, string Head)> branches) =>
        repository.Refs.Head is SymbolicReference { TargetIdentifier: var target } && target.StartsWith("refs/heads/", StringComparison.Ordinal)
            && branches.Any(b => b.Name == target["refs/heads/".Length..])
            ? target["refs/heads/".Length..]
            : null;

    private static string? Head(Repository repository, string branch) =>
        Reference.IsValidName($"refs/heads/{branch}") ? repository.Refs[$"refs/heads/{branch}"]?.ResolveToDirectReference()?.TargetIdentifier : null;

    /// <summary>The commit a (possibly abbreviated) id or a tag names, as <c>git rev-parse {id}^{commit}</c> finds it.</summary>
    private static Commit? FindCommit(Repository repository, string commit) => FindObject(repository, $"{commit}^{{commit}}") as Commit;

    private static GitObject? FindObject(Repository repository, string name)
    {
        try
        {
            return repository.Lookup(name);
        }
        catch (LibGit2SharpException)
        {
            return null; // ambiguous, or not an object name at all
        }
    }

    private static bool IsHexadecimal(string id) => id.Length is >= 4 and <= 64 && id.All(char.IsAsciiHexDigit);

    /// <summary>A blob's text as git prints it to a UTF-8 reader.</summary>
    private static string Text(Blob blob)
    {
        using var reader = new StreamReader(blob.GetContentStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
