using Releng.Jobs.Bugzilla;

namespace Releng.Jobs.Tests.Bugzilla;

/// <summary>When a comment the bot would post is already on the bug (so a rerun never posts it twice).</summary>
public sealed class BugCommentTests
{
    private static BugComment Comment(string text) => new(1, 2, 1, text, "releng-bot@fedoraproject.org", DateTimeOffset.UnixEpoch, false);

    [Fact]
    public void The_same_text_as_bugzilla_stores_it_is_the_same_comment()
    {
        Assert.True(Comment("The Pagure repository was created at https://src.fedoraproject.org/rpms/foo").HasText(
            "The Pagure repository was created at https://src.fedoraproject.org/rpms/foo  \r\n"));
    }

    [Fact]
    public void A_link_to_the_same_page_on_another_address_is_the_same_comment()
    {
        Assert.True(Comment("The Pagure repository was created at http://127.0.0.1:41001/rpms/foo").HasText(
            "The Pagure repository was created at http://127.0.0.1:43999/rpms/foo"));
    }

    [Fact]
    public void Another_page_or_another_text_is_another_comment()
    {
        Assert.False(Comment("The Pagure repository was created at https://src.fedoraproject.org/rpms/foo").HasText(
            "The Pagure repository was created at https://src.fedoraproject.org/rpms/bar"));
        Assert.False(Comment("The Pagure repository was created").HasText("The Pagure repository was not created"));
    }
}
