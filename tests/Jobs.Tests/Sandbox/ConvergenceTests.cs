using System.Text.Json.Nodes;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.Tests.Hosting;
using Xunit.Abstractions;

namespace Releng.Jobs.Tests.Sandbox;

/// <summary>
/// Every job under injected faults (--faults=0.2): rerun until a run succeeds, at most five times, it ends where a
/// fault-free run ends, compared field by field in the saved world and ref by ref in the git repositories, so
/// nothing happened twice (comment, revert, unblock, branch, close) and nothing was left out. A failure names the
/// seeds that replay it.
/// </summary>
public sealed class ConvergenceTests(ITestOutputHelper output)
{
    private const int MaxRuns = 5;

    /// <summary>What differs between two correct runs: when things happened and the ids given out in that order.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "writes", "lastWriteAt", "lastCommentId", "dateCreated", "lastUpdated", "closedAt", "dateModified", "id",
        "nextProjectId", "requests", "sessions", "createEvent", "revokeEvent",
        // the same on the forge
        "createdAt", "updatedAt", "lastIssueId",
    };

    [Theory]
    [InlineData("unretire", 1601)]
    [InlineData("scm-requests", 1602)]
    [InlineData("base-image-rebuild", 1603)]
    [InlineData("base-image-push", 1604)]
    public async Task A_job_under_faults_converges_on_the_fault_free_end_state(string task, int seed)
    {
        using var host = new HostFixture();
        var scenario = Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", "default.yaml");
        var config = Path.Combine(RepositoryRoot.Find(), "jobs.yaml");
        var clean = Path.Combine(host.Root, "clean");
        var faulty = Path.Combine(host.Root, "faulty");
        string[] Args(string sandbox, params string[] more) =>
            [$"--target={task}", "--apply", $"--config={config}", $"--scenario={scenario}", $"--sandbox-dir={sandbox}", .. more];

        Assert.Equal(0, await host.RunAsync(null, null, Args(clean, "--fresh")));
        var seeds = new List<int>();
        var exit = -1;
        for (var run = 0; run < MaxRuns && exit != 0; run++)
        {
            seeds.Add(seed + run);
            exit = await host.RunAsync(null, null, Args(faulty, $"--faults=0.2", $"--fault-seed={seed + run}", run == 0 ? "--fresh" : "--fresh=false"));
        }
        var replay = $"seeds {string.Join(", ", seeds)} (--faults=0.2 --fault-seed=N, one run each)";
        output.WriteLine($"{task}: {seeds.Count} run(s), {replay}");

        Assert.True(exit == 0, $"{task} did not finish within {MaxRuns} runs under faults; {replay}");
        var expected = EndState(clean);
        var actual = EndState(faulty);
        Assert.True(expected == actual, $"{task} under faults ended elsewhere than without ({replay}):\n{Difference(expected, actual)}");
    }

    /// <summary>The lines only one side has, with their line numbers, for the failure message.</summary>
    private static string Difference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var onlyLeft = left.Select((line, i) => (line, i)).Where(p => p.i >= right.Length || right[p.i] != p.line).Take(20)
            .Select(p => $"  {p.i + 1} fault-free: {p.line.Trim()}\n  {p.i + 1} faulty:     {(p.i < right.Length ? right[p.i].Trim() : "(missing)")}");
        return string.Join('\n', onlyLeft) + (right.Length > left.Length ? $"\n  faulty has {right.Length - left.Length} more line(s)" : "");
    }

    /// <summary>The saved world without what legitimately differs, and every git ref with its commit.</summary>
    private static string EndState(string sandbox)
    {
        var world = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox, "world.json")))!;
        world = Strip(world)!;
        var refs = new List<string>();
        var gitRoot = Path.Combine(sandbox, "git");
        if (Directory.Exists(gitRoot))
        {
            foreach (var repository in Directory.EnumerateDirectories(gitRoot, "*.git", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(gitRoot, repository);
                // Commit ids depend on the messages, which name the ticket at the fake's port of that run: compare
                // each branch's history by author, date, message and tree instead.
                foreach (var branch in Git.Run(repository, "for-each-ref", "--format=%(refname)").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    refs.Add($"{name} {branch}:\n" + Git.Run(repository, "log", "--format=%an <%ae> %aI %T %s%n%b", branch, "--"));
                }
            }
        }
        var text = world.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n" + string.Join('\n', refs);
        // Each run's fakes listen on ports of their own, and each sandbox has its own directory.
        text = text.Replace(Path.GetFullPath(sandbox), "<sandbox>", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"127\.0\.0\.1:\d+", "127.0.0.1:<port>");
        return System.Text.RegularExpressions.Regex.Replace(text, @"\b([0-9a-f]{40}|[0-9a-f]{10,12})\b", "<commit>");
    }

    /// <summary>
    /// Drops the volatile fields, orders lists (independent steps may finish in either order: the comparison counts
    /// things, duplicates included), and reduces the bot's own marked comments to their marker: a report says what the
    /// run that wrote it found (after a fault, "has no dead.package" where an uninterrupted run says "reverted …"), and
    /// the marker is what makes it the one comment of its kind.
    /// </summary>
    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(Volatile.Contains).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[key];
                    obj[key] = null;
                    obj[key] = Strip(child);
                }
                // Pagure's comments hold their text in "text", the forge's in "body".
                foreach (var field in new[] { "text", "body" })
                {
                    if (obj[field] is JsonValue text && text.TryGetValue<string>(out var body)
                        && System.Text.RegularExpressions.Regex.Match(body, "<!-- releng-jobs:[^>]*-->") is { Success: true } marker)
                    {
                        obj[field] = marker.Value;
                    }
                }
                return obj;
            case JsonArray array:
                var items = array.Select(item => Strip(item?.DeepClone())).Select(item => (Item: item, Key: item?.ToJsonString() ?? "null"))
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Item).ToArray();
                return new JsonArray(items);
            default:
                return node;
        }
    }
}
