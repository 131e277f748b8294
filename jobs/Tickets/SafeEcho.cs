using System.Globalization;
using System.Text;

namespace Releng.Jobs.Tickets;

/// <summary>
/// The one way a bot comment repeats untrusted text (a name from a ticket body, a title, a retirement reason): as a
/// Markdown code span, so the forge renders neither HTML (<c>&lt;img onerror=…&gt;</c>), nor links
/// (<c>[click](javascript:…)</c>), nor mentions. Inside the span, control, format and separator characters (bidi
/// overrides and isolates, zero-width characters, newlines, tabs) are shown as <c>U+202E</c> instead of acting on the
/// text around them; the text is cut after a bounded number of characters with an ellipsis outside the span.
/// The fence follows CommonMark's code-span rules: one backtick longer than the longest run inside, and a space on
/// each side when the text starts or ends with a backtick or a space.
/// </summary>
public static class SafeEcho
{
    /// <summary>Characters shown before the cut; names are shorter, sentences rarely longer.</summary>
    public const int DefaultMaxLength = 80;

    /// <summary>What an empty value is shown as (an empty code span would render as two backticks).</summary>
    public const string Empty = "(empty)";

    /// <summary>
    /// <paramref name="text"/> as a code span. <paramref name="asciiOnly"/> also shows every non-ASCII character
    /// escaped: right for names, which must be ASCII, so a look-alike (Cyrillic <c>а</c>) is visible as such.
    /// <paramref name="inTable"/> escapes <c>|</c>, which ends a GitHub-flavoured table cell even inside a code span.
    /// </summary>
    public static string Code(string? text, int maxLength = DefaultMaxLength, bool asciiOnly = false, bool inTable = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }
        var (visible, cut) = Visible(text, maxLength, asciiOnly);
        if (inTable)
        {
            visible = visible.Replace("|", "\\|", StringComparison.Ordinal);
        }
        var fence = new string('`', LongestBacktickRun(visible) + 1);
        var pad = visible[0] is '`' or ' ' || visible[^1] is '`' or ' ' ? " " : "";
        return $"{fence}{pad}{visible}{pad}{fence}{(cut ? "…" : "")}";
    }

    /// <summary>A name (package, branch, namespace, account) as a code span: ASCII only, everything else escaped.</summary>
    public static string Name(string? text) => Code(text, DefaultMaxLength, asciiOnly: true);

    /// <summary>
    /// The text with every character that must not act on its surroundings shown as <c>U+XXXX</c>, cut after
    /// <paramref name="maxLength"/> characters (whole characters, never half a surrogate pair). For plain-text places
    /// (logs, plans); comments use <see cref="Code"/>.
    /// </summary>
    public static (string Text, bool Cut) Visible(string text, int maxLength = DefaultMaxLength, bool asciiOnly = false)
    {
        var shown = new StringBuilder();
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count == maxLength)
            {
                return (shown.ToString(), true);
            }
            if (MustEscape(rune, asciiOnly))
            {
                shown.Append(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
            }
            else
            {
                shown.Append(rune.ToString());
            }
            count++;
        }
        return (shown.ToString(), false);
    }

    /// <summary>Whether <paramref name="text"/> holds a character <see cref="Code"/> would show escaped.</summary>
    public static bool HasHiddenCharacters(string text, bool asciiOnly = false) =>
        text.EnumerateRunes().Any(rune => MustEscape(rune, asciiOnly));

    private static bool MustEscape(Rune rune, bool asciiOnly)
    {
        if (asciiOnly && !rune.IsAscii)
        {
            return true;
        }
        if (rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C)
        {
            return true; // bidi embeddings, overrides, isolates and marks
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => true,            // newlines, tabs, escape sequences
            UnicodeCategory.Format => true,             // zero-width space/joiners, BOM, soft hyphen, tags
            UnicodeCategory.LineSeparator => true,
            UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.PrivateUse => true,
            UnicodeCategory.OtherNotAssigned => true,
            UnicodeCategory.Surrogate => true,
            UnicodeCategory.SpaceSeparator => rune.Value != ' ', // no-break and other odd spaces look like a space
            _ => false,
        };
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '`' ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
