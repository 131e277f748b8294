using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

public sealed class GitErrorOutputTests
{
    [Fact]
    public void A_push_refused_by_a_hook_keeps_the_refusal_and_the_hooks_error_not_its_progress()
    {
        var hookProgress = string.Join('\n', Enumerable.Range(1, 300).Select(i => $"remote: checking object {i} of 300"));
        var output = $"""
            {hookProgress}
            remote: ERROR: rawhide was updated by someone else while you pushed
            To https://src.fedoraproject.org/rpms/python-pyte.git
             ! [remote rejected] rawhide -> rawhide (pre-receive hook declined)
            error: failed to push some refs to 'https://src.fedoraproject.org/rpms/python-pyte.git'
            hint: Updates were rejected because the remote contains work that you do not have locally.
            """;

        var reason = GitErrorOutput.Reason(output);

        Assert.Equal("""
            remote: ERROR: rawhide was updated by someone else while you pushed
             ! [remote rejected] rawhide -> rawhide (pre-receive hook declined)
            error: failed to push some refs to 'https://src.fedoraproject.org/rpms/python-pyte.git'
            (302 more line(s) of git output left out)
            """.TrimEnd(), reason.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_that_names_no_reason_keeps_its_last_lines()
    {
        var output = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));

        var reason = GitErrorOutput.Reason(output);

        Assert.StartsWith("line 9\n", reason, StringComparison.Ordinal);
        Assert.EndsWith("line 20\n(8 more line(s) of git output left out)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_message_carries_the_reason_only()
    {
        var error = new GitCommandException("git push --atomic origin", 1,
            "remote: step 1\nremote: step 2\n ! [rejected]        rawhide -> rawhide (fetch first)\n");

        Assert.Equal("git push --atomic origin failed with exit code 1: ! [rejected]        rawhide -> rawhide (fetch first)\n(2 more line(s) of git output left out)",
            error.Message);
    }
}
