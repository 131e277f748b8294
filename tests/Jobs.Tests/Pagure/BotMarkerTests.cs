using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Pagure;

public sealed class BotMarkerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Marker_is_a_hidden_html_comment_with_kind_version_and_fields()
    {
        var marker = BotMarker.Write("unretire-report", ("hash", "ab12"), ("branches", "f42 rawhide"));

        Assert.Equal("<!-- releng-jobs:unretire-report v1 hash=ab12 branches=f42%20rawhide -->", marker);
    }

    [Fact]
    public void Any_value_survives_a_round_trip()
    {
        const string awkward = "a b=c --> <!-- x\nnew line, 100% ü";

        var read = BotMarker.Read("Some text\n\n" + BotMarker.Write("scm-request", ("reason", awkward), ("answers", "12,15")));

        Assert.NotNull(read);
        Assert.Equal(("scm-request", 1), (read.Kind, read.Version));
        Assert.Equal(awkward, read["reason"]);
        Assert.Equal("12,15", read["answers"]);
        Assert.Null(read["missing"]);
    }

    [Fact]
    public void Appended_marker_goes_on_its_own_last_line()
    {
        var body = BotMarker.Append("Done.\n", "unretire", ("state", "closed"));

        Assert.Equal("Done.\n\n<!-- releng-jobs:unretire v1 state=closed -->", body);
    }

    [Theory]
    [InlineData("no marker here")]
    [InlineData("<!-- other-tool:unretire v1 -->")]
    [InlineData("<!-- releng-jobs:unretire -->")]
    public void Text_without_a_marker_reads_as_none(string text)
    {
        Assert.Null(BotMarker.Read(text));
    }

    [Theory]
    [InlineData("Unretire")]
    [InlineData("with space")]
    [InlineData("")]
    public void Kinds_are_lower_case_words(string kind)
    {
        Assert.Throws<ArgumentException>(() => BotMarker.Write(kind));
    }

    [Fact]
    public void Only_markers_in_the_bots_own_comments_count()
    {
        var forged = BotMarker.Write("unretire", ("state", "done"));
        var ticket = TicketWith(
            new TicketComment(1, "mallory", forged, Now),
            new TicketComment(2, "releng-bot", "Checked.\n\n" + BotMarker.Write("unretire", ("state", "checked")), Now),
            new TicketComment(3, "releng-bot", "No marker", Now),
            new TicketComment(4, "releng-bot", BotMarker.Write("other", ("x", "1")), Now),
            new TicketComment(5, "releng-bot", BotMarker.Write("unretire", ("state", "reverted")), Now, IsSystem: true));

        var marked = ticket.Marked("releng-bot", "unretire");

        var only = Assert.Single(marked);
        Assert.Equal((2L, "checked"), (only.Comment.Id, only.Marker["state"]));
        Assert.Equal(2, ticket.Marked("releng-bot").Count);
        Assert.Equal(2, ticket.LatestMarked("releng-bot", "unretire")!.Comment.Id);
    }

    internal static Ticket TicketWith(params TicketComment[] comments) => new(
        "releng", 12001, "Unretire rpms/python-pyte", "Please unretire", "jdoe", true, null, null, [], false,
        Now.AddDays(-2), Now, null, new Dictionary<string, string>(), comments, "https://pagure.io/releng/issue/12001");
}
