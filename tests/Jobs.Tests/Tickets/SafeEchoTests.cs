using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>What a bot comment shows when it repeats ticket text: a code span the forge renders as plain text.</summary>
public sealed class SafeEchoTests
{
    [Fact]
    public void Html_is_shown_inside_a_code_span_so_it_is_never_rendered() =>
        Assert.Equal("`<img src=x onerror=alert(1)>`", SafeEcho.Code("<img src=x onerror=alert(1)>"));

    [Fact]
    public void A_markdown_link_is_shown_inside_a_code_span_so_it_is_never_a_link() =>
        Assert.Equal("`[click](javascript:alert(1))`", SafeEcho.Code("[click](javascript:alert(1))"));

    [Fact]
    public void A_mention_is_shown_inside_a_code_span_so_nobody_is_pinged() =>
        Assert.Equal("`@someone`", SafeEcho.Code("@someone"));

    [Theory]
    [InlineData("\u202Egnp.exe", "`U+202Egnp.exe`")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", "`aU+202AbU+202BcU+202CdU+202De`")]
    [InlineData("x\u2066y\u2067z\u2068w\u2069", "`xU+2066yU+2067zU+2068wU+2069`")]
    [InlineData("mark\u200F\u200E", "`markU+200FU+200E`")]
    public void Bidi_overrides_isolates_and_marks_are_shown_escaped(string text, string shown) =>
        Assert.Equal(shown, SafeEcho.Code(text));

    [Theory]
    [InlineData("ne\u200Bthack", "`neU+200Bthack`")]
    [InlineData("ne\u200C\u200Dthack", "`neU+200CU+200Dthack`")]
    [InlineData("\uFEFFnethack", "`U+FEFFnethack`")]
    [InlineData("soft\u00ADhyphen", "`softU+00ADhyphen`")]
    [InlineData("word\u2060joiner", "`wordU+2060joiner`")]
    public void Zero_width_and_other_format_characters_are_shown_escaped(string text, string shown) =>
        Assert.Equal(shown, SafeEcho.Code(text));

    [Theory]
    [InlineData("line\nbreak", "`lineU+000Abreak`")]
    [InlineData("cr\r\nlf", "`crU+000DU+000Alf`")]
    [InlineData("tab\there", "`tabU+0009here`")]
    [InlineData("esc\u001b[31m", "`escU+001B[31m`")]
    [InlineData("para\u2029graph", "`paraU+2029graph`")]
    [InlineData("no\u00A0break", "`noU+00A0break`")]
    public void Control_characters_and_separators_are_shown_escaped_so_the_comment_stays_one_line(string text, string shown) =>
        Assert.Equal(shown, SafeEcho.Code(text));

    [Theory]
    [InlineData("a`b", "``a`b``")]
    [InlineData("a``b`c", "```a``b`c```")]
    [InlineData("`start", "`` `start ``")]
    [InlineData("end`", "`` end` ``")]
    [InlineData("`", "`` ` ``")]
    [InlineData(" spaced ", "`  spaced  `")]
    public void Backticks_get_a_longer_fence_and_padding_as_commonmark_code_spans_need(string text, string shown) =>
        Assert.Equal(shown, SafeEcho.Code(text));

    [Fact]
    public void Text_with_a_backtick_fence_cannot_close_the_span_early()
    {
        var shown = SafeEcho.Code("``` <img src=x onerror=alert(1)> ```");
        Assert.Equal("```` ``` <img src=x onerror=alert(1)> ``` ````", shown);
    }

    [Fact]
    public void Very_long_text_is_cut_with_an_ellipsis_outside_the_span()
    {
        var shown = SafeEcho.Code(new string('a', 10_000));
        Assert.Equal("`" + new string('a', SafeEcho.DefaultMaxLength) + "`…", shown);
    }

    [Fact]
    public void The_cut_never_splits_a_character_made_of_two_code_units()
    {
        var shown = SafeEcho.Code(string.Concat(Enumerable.Repeat("😀", 100)), maxLength: 3);
        Assert.Equal("`😀😀😀`…", shown);
    }

    [Fact]
    public void Empty_text_is_named_as_empty_rather_than_shown_as_two_backticks()
    {
        Assert.Equal(SafeEcho.Empty, SafeEcho.Code(""));
        Assert.Equal(SafeEcho.Empty, SafeEcho.Code(null));
    }

    [Fact]
    public void A_name_shows_look_alike_letters_escaped_while_free_text_keeps_them()
    {
        Assert.Equal("`pU+0430ckage`", SafeEcho.Name("p\u0430ckage"));
        Assert.Equal("`pâté`", SafeEcho.Code("pâté"));
    }

    [Fact]
    public void In_a_table_cell_a_pipe_is_escaped_so_it_cannot_end_the_cell() =>
        Assert.Equal("`a\\|b`", SafeEcho.Code("a|b", inTable: true));

    [Fact]
    public void Plain_text_has_nothing_escaped() =>
        Assert.Equal("`python-pyte`", SafeEcho.Name("python-pyte"));
}
