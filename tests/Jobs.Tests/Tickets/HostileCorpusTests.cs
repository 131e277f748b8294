using System.Diagnostics;
using System.Text.RegularExpressions;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>
/// Both ticket jobs applied to tests/scenarios/hostile.yaml: git-special and look-alike names, HTML, Markdown links,
/// bidi and zero-width characters, duplicate keys, wrong types, broken and oversized bodies, floods of commands, a
/// ticket past the comment bound, free-text requests. Every ticket gets an answer or a logged reason, at most one
/// command answer per run, nothing built from a refused name, nothing from the ticket rendered; a second run writes
/// nothing.
/// </summary>
public sealed partial class HostileCorpusTests(HostileCorpusTests.Corpus corpus) : IClassFixture<HostileCorpusTests.Corpus>
{
    private const string Bot = "releng-bot";
    private const string ScmTracker = "releng/fedora-scm-requests";
    private const string UnretireTracker = "releng";

    private static readonly string[] RefusedFragments =
        ["<", ">", "[", "]", "javascript", "etc/passwd", "%E2%80%AE", "%E2%80%8B", "%E2%81", "..", "@{", ".lock", "refs/heads", "upload-pack", "$(", "`", "%60", "%3C"];

    private readonly TestSandbox _sandbox = corpus.Sandbox;
    private readonly Run _first = corpus.First;

    /// <summary>The sandbox and the first run of both jobs, shared by the tests (the corpus is large).</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        internal TestSandbox Sandbox { get; private set; } = null!;
        internal Run First { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Sandbox = TestSandbox.FromFile(TestSandbox.ScenarioFile("hostile.yaml"),
                new TestSandboxOptions { Credentials = SandboxCredentials.Default, ScenarioClock = true, StandIns = true });
            First = await ApplyBothAsync(Sandbox);
        }

        public async Task DisposeAsync() => await Sandbox.DisposeAsync();
    }

    internal sealed record Run(Plan Scm, IReadOnlyList<Outcome> ScmOutcomes, Plan Unretire, IReadOnlyList<Outcome> UnretireOutcomes)
    {
        public IEnumerable<Decision> Decisions => Scm.Decisions.Concat(Unretire.Decisions);
        public IEnumerable<Outcome> Outcomes => ScmOutcomes.Concat(UnretireOutcomes);
    }

    [Fact]
    public void The_corpus_holds_at_least_sixty_tickets_across_both_trackers()
    {
        Assert.True(Tickets(ScmTracker).Count + Tickets(UnretireTracker).Count >= 60);
        Assert.Equal(Tickets(ScmTracker).Select(t => t.Id).Order(), _first.Scm.Decisions.Select(d => TicketId(d.Subject)).OfType<int>().Distinct().Order());
        Assert.Equal(Tickets(UnretireTracker).Select(t => t.Id).Order(), _first.Unretire.Decisions.Select(d => TicketId(d.Subject)).OfType<int>().Distinct().Order());
    }

    [Fact]
    public void Nothing_fails_so_the_run_exits_zero()
    {
        Assert.DoesNotContain(_first.Outcomes, o => o.Status == StepStatus.Failed);
        Assert.DoesNotContain(_first.Decisions, d => d.Action == TicketDecisionKinds.Error);
    }

    [Fact]
    public void Every_ticket_is_answered_or_skipped_with_a_logged_reason()
    {
        foreach (var (tracker, plan) in new[] { (ScmTracker, _first.Scm), (UnretireTracker, _first.Unretire) })
        {
            foreach (var ticket in Tickets(tracker))
            {
                var decisions = plan.Decisions.Where(d => d.Subject.EndsWith($"{tracker}#{ticket.Id}", StringComparison.Ordinal)).ToList();
                Assert.True(decisions.Count > 0, $"{tracker}#{ticket.Id} has no decision");
                Assert.All(decisions, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason)));
                var answered = BotCommentsOf(tracker, ticket.Id).Count > 0;
                var skipped = decisions.All(d => d.Steps.Count == 0);
                Assert.True(answered || skipped, $"{tracker}#{ticket.Id}: neither answered nor skipped ({string.Join("; ", decisions.Select(d => d.Action))})");
            }
        }
    }

    [Fact]
    public void Commands_are_answered_in_at_most_one_comment_per_ticket_and_run_and_a_ticket_gets_at_most_two_comments()
    {
        foreach (var tracker in new[] { ScmTracker, UnretireTracker })
        {
            foreach (var ticket in Tickets(tracker))
            {
                var comments = BotCommentsOf(tracker, ticket.Id);
                var answers = comments.Count(text => BotMarker.ReadAll(text).Any(m => m.Kind is "scm-help" or "unretire-help"));
                Assert.True(answers <= 1, $"{tracker}#{ticket.Id} got {answers} command answers");
                // Besides the one line a branch request gets right before its branch is created (the bot's record
                // that this ticket's run makes it).
                var said = comments.Count(text => !BotMarker.ReadAll(text).Any(m => m.Kind == "scm-creating-branch"));
                Assert.True(said <= 2, $"{tracker}#{ticket.Id} got {said} comments");
            }
        }
    }

    [Fact]
    public void A_flood_of_commands_gets_one_answer_naming_every_comment_answered()
    {
        var flood = Tickets(ScmTracker).Single(t => t.Comments.Count(c => c.Text.StartsWith("@releng-bot valid", StringComparison.Ordinal)) >= 100);
        var answer = Assert.Single(BotCommentsOf(ScmTracker, flood.Id), text => BotMarker.ReadAll(text).Any(m => m.Kind == "scm-help"));
        var answered = BotMarker.ReadAll(answer).Single(m => m.Kind == "scm-help")[BotMarker.AnswersField]!.Split(',');
        Assert.Equal(flood.Comments.Count(c => c.Author == "mallory"), answered.Length);
    }

    [Fact]
    public void A_ticket_past_the_comment_bound_is_left_for_a_person_with_one_comment()
    {
        var chatty = _first.Decisions.Where(d => d.Reason.Contains("left for a person", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, chatty.Count);
        Assert.All(chatty, d => Assert.Equal(TicketDecisionKinds.NeedsHuman, d.Action));
    }

    [Fact]
    public void No_bot_comment_renders_html_a_link_or_a_bidi_control_from_the_tickets()
    {
        foreach (var tracker in new[] { ScmTracker, UnretireTracker })
        {
            foreach (var ticket in Tickets(tracker))
            {
                foreach (var text in BotCommentsOf(tracker, ticket.Id))
                {
                    var rendered = OutsideCodeSpans(WithoutMarkers(text));
                    Assert.DoesNotContain("<img", rendered, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("<script", rendered, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("](javascript:", rendered, StringComparison.OrdinalIgnoreCase);
                    Assert.False(SafeEcho.HasHiddenCharacters(text.Replace("\n", "", StringComparison.Ordinal)),
                        $"{tracker}#{ticket.Id}: a bot comment holds a control or format character");
                }
            }
        }
    }

    [Fact]
    public void No_git_ref_or_dist_git_url_is_built_from_a_refused_name()
    {
        foreach (var entry in _sandbox.Requests(ServiceName.DistGit))
        {
            var path = entry.RequestMessage.Path;
            Assert.DoesNotContain(RefusedFragments, fragment => path.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var (ns, name) in new[] { ("rpms", "nethack"), ("rpms", "python-pyte"), ("rpms", "hostile-reason") })
        {
            var refs = Git(_sandbox.World.DistGit.RepositoryPath(ns, name), "for-each-ref", "--format=%(refname)");
            Assert.All(refs, r => Assert.True(r.StartsWith("refs/heads/", StringComparison.Ordinal) && BranchName.IsValid(r["refs/heads/".Length..]), r));
        }
        Assert.Equal(["f44", "rawhide"], Git(_sandbox.World.DistGit.RepositoryPath("rpms", "nethack"), "for-each-ref", "--format=%(refname:short)").Order());
    }

    [Fact]
    public async Task A_second_apply_writes_nothing()
    {
        var writes = PagureWrites();

        var second = await ApplyBothAsync(_sandbox);

        Assert.DoesNotContain(second.Outcomes, o => o.Status != StepStatus.AlreadyDone);
        Assert.Equal(writes, PagureWrites());
    }

    private static async Task<Run> ApplyBothAsync(TestSandbox sandbox)
    {
        // The corpus keeps its trackers on pagure.io (the scenario's pagure: section); the jobs are pointed there.
        var (scm, scmOutcomes) = await sandbox.ApplyAsync(sandbox.Job("scm-requests",
            new Dictionary<string, object?> { ["tracker"] = $"pagure:{ScmTracker}" }));
        var (unretire, unretireOutcomes) = await sandbox.ApplyAsync(sandbox.Job("unretire", new Dictionary<string, object?>
        {
            ["phase"] = "report", ["tracker"] = $"pagure:{UnretireTracker}", ["requests_tracker"] = "none",
        }));
        return new Run(scm, scmOutcomes, unretire, unretireOutcomes);
    }

    private IReadOnlyList<Releng.Jobs.Sandbox.Pagure.PagureIssueState> Tickets(string tracker)
    {
        lock (_sandbox.World.Sync)
        {
            return _sandbox.World.Pagure.Projects[tracker].Issues.ToList();
        }
    }

    private IReadOnlyList<string> BotCommentsOf(string tracker, int id)
    {
        lock (_sandbox.World.Sync)
        {
            // The scenario's own "earlier" bot comments are not this run's.
            return _sandbox.World.Pagure.Projects[tracker].Issues.Single(i => i.Id == id).Comments
                .Where(c => c.Author == Bot && !c.Notification && !c.Text.StartsWith("earlier answer", StringComparison.Ordinal))
                .Select(c => c.Text).ToList();
        }
    }

    private int PagureWrites()
    {
        lock (_sandbox.World.Sync)
        {
            return _sandbox.World.Pagure.Writes.Count;
        }
    }

    private static int? TicketId(string subject) =>
        subject.LastIndexOf('#') is var hash and >= 0 && int.TryParse(subject[(hash + 1)..], out var id) ? id : null;

    private static string WithoutMarkers(string text) => MarkerPattern().Replace(text, "");

    /// <summary>The text a forge renders as Markdown: everything outside CommonMark code spans.</summary>
    private static string OutsideCodeSpans(string text)
    {
        var outside = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                outside.Append(text[i++]);
                continue;
            }
            var run = 0;
            while (i + run < text.Length && text[i + run] == '`')
            {
                run++;
            }
            var fence = new string('`', run);
            var close = -1;
            for (var j = text.IndexOf(fence, i + run, StringComparison.Ordinal); j >= 0; j = text.IndexOf(fence, j + 1, StringComparison.Ordinal))
            {
                var exact = (j + run >= text.Length || text[j + run] != '`') && text[j - 1] != '`';
                if (exact)
                {
                    close = j;
                    break;
                }
            }
            if (close < 0)
            {
                outside.Append(fence);
                i += run;
                continue;
            }
            i = close + run;
        }
        return outside.ToString();
    }

    private static List<string> Git(string repository, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(repository);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [GeneratedRegex(@"<!--\s*releng-jobs:[^>]*-->")]
    private static partial Regex MarkerPattern();
}
