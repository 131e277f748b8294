using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>Reading Pagure's commit patch: the header, the message, and the watched file's text when the commit adds it.</summary>
public sealed class CommitPatchReaderTests
{
    private const string Hash = "4f2a9c0d1e3b5a7c9e1f3a5b7c9d1e3f5a7b9c1d";

    private static string Patch(string message, string diff) =>
        $"From {Hash} Mon Sep 17 00:00:00 2001\nFrom: Jane Doe <jdoe@example.org>\nDate: Nov 03 2026 12:00:00 +0000\n" +
        $"Subject: {message.Split('\n', 2)[0]}\n\n{(message.Contains('\n') ? message.Split('\n', 2)[1] : "")}\n---\n\n{diff}\n";

    private const string Retirement = """
        diff --git a/.gitignore b/.gitignore
        deleted file mode 100644
        index 1a2b3c4..0000000
        --- a/.gitignore
        +++ /dev/null
        @@ -1 +0,0 @@
        -/pyte-0.8.tar.gz
        diff --git a/dead.package b/dead.package
        new file mode 100644
        index 0000000..5d6e7f8
        --- /dev/null
        +++ b/dead.package
        @@ -0,0 +1,2 @@
        +Orphaned for 6+ weeks
        ++++ not a header: a line of the file
        diff --git a/python-pyte.spec b/python-pyte.spec
        deleted file mode 100644
        index 9a8b7c6..0000000
        --- a/python-pyte.spec
        +++ /dev/null
        @@ -1,2 +0,0 @@
        -diff --git a/dead.package b/dead.package
        -Name: python-pyte
        """;

    private static Task<DistGitCommit?> ReadAsync(string text) =>
        CommitPatchReader.ReadAsync(new StringReader(text), "dead.package", CancellationToken.None);

    [Fact]
    public async Task A_retirement_patch_gives_the_commit_and_the_text_of_the_dead_package_it_added()
    {
        var commit = await ReadAsync(Patch("Orphaned for 6+ weeks\n", Retirement));

        Assert.NotNull(commit);
        Assert.Equal(Hash, commit.Hash);
        Assert.Equal("Jane Doe <jdoe@example.org>", commit.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero), commit.CommitTime);
        Assert.Equal("Orphaned for 6+ weeks", commit.Message.TrimEnd('\n'));
        Assert.Equal("Orphaned for 6+ weeks\n+++ not a header: a line of the file\n", commit.AddedFile);
    }

    [Fact]
    public async Task The_message_keeps_its_body_even_when_the_body_has_a_dashed_line()
    {
        var commit = await ReadAsync(Patch("Retire\n\nWhy:\n---\nunmaintained\n", Retirement));

        Assert.Equal("Retire\n\nWhy:\n---\nunmaintained\n", commit?.Message);
    }

    [Fact]
    public async Task A_file_without_a_final_newline_is_read_without_one()
    {
        var diff = "diff --git a/dead.package b/dead.package\nnew file mode 100644\nindex 0000000..5d6e7f8\n--- /dev/null\n" +
            "+++ b/dead.package\n@@ -0,0 +1 @@\n+gone\n\\ No newline at end of file";

        Assert.Equal("gone", (await ReadAsync(Patch("Retire", diff)))?.AddedFile);
    }

    [Fact]
    public async Task A_changed_or_deleted_dead_package_was_not_added_by_the_commit()
    {
        var changed = "diff --git a/dead.package b/dead.package\nindex 1111111..2222222 100644\n--- a/dead.package\n" +
            "+++ b/dead.package\n@@ -1 +1 @@\n-old reason\n+new reason";
        var deleted = "diff --git a/dead.package b/dead.package\ndeleted file mode 100644\nindex 1111111..0000000\n" +
            "--- a/dead.package\n+++ /dev/null\n@@ -1 +0,0 @@\n-old reason";

        var afterChange = await ReadAsync(Patch("Reword", changed));
        var afterDelete = await ReadAsync(Patch("Unretire", deleted));

        Assert.NotNull(afterChange);
        Assert.Null(afterChange.AddedFile);
        Assert.NotNull(afterDelete);
        Assert.Null(afterDelete.AddedFile);
    }

    [Theory]
    [InlineData("")] // Pagure's answer for a commit with an empty diff
    [InlineData("<!DOCTYPE html><html><title>Page not found</title></html>")]
    [InlineData("From not-a-hash Mon Sep 17 00:00:00 2001\nFrom: a <b>\nDate: Nov 03 2026 12:00:00 +0000\nSubject: s\n\n\n---\n\ndiff --git a/x b/x")]
    [InlineData("From 4f2a9c0d1e3b5a7c9e1f3a5b7c9d1e3f5a7b9c1d Mon Sep 17 00:00:00 2001\nFrom: a <b>\nDate: 3 November 2026\nSubject: s\n\n\n---\n\ndiff --git a/x b/x")]
    [InlineData("From 4f2a9c0d1e3b5a7c9e1f3a5b7c9d1e3f5a7b9c1d Mon Sep 17 00:00:00 2001\nFrom: a <b>\nDate: Nov 03 2026 12:00:00 +0000\nSubject: s\n\nno diff follows")]
    public async Task Text_that_is_not_such_a_patch_gives_no_commit(string text)
    {
        Assert.Null(await ReadAsync(text));
    }

    [Fact]
    public async Task A_patch_longer_than_the_limit_gives_no_commit_rather_than_half_an_answer()
    {
        var huge = "diff --git a/big b/big\nnew file mode 100644\n--- /dev/null\n+++ b/big\n@@ -0,0 +1 @@\n+" +
            new string('x', CommitPatchReader.MaxCharacters) + "\n" + Retirement;

        Assert.Null(await ReadAsync(Patch("Retire", huge)));
    }
}
