using System.Globalization;
using System.Text;

namespace Releng.Jobs.DistGit;

/// <summary>
/// Reads Pagure's commit patch (<c>/{ns}/{repo}/c/{hash}.patch</c>, pagure/lib/git.py <c>commit_to_patch</c>): a mail
/// header (<c>From {hash} Mon Sep 17 00:00:00 2001</c>, <c>From: name &lt;email&gt;</c>, <c>Date:</c> the committer
/// time in UTC as <c>%b %d %Y %H:%M:%S +0000</c>, <c>Subject:</c> the first message line), a blank line, the rest of
/// the message, <c>---</c>, a blank line, then libgit2's diff against the first parent (against nothing for a root
/// commit). Only the header and the one watched file's section are kept: a retirement's patch also carries every file
/// it deleted, which is read past line by line and never held.
/// </summary>
public static class CommitPatchReader
{
    /// <summary>Past this many characters the patch is not read further, and gives no answer.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    private const string DiffStart = "diff --git ";

    /// <summary>
    /// The commit, with the text of <paramref name="watchedFile"/> when the commit added it; null when the text is not
    /// such a patch (an empty diff is answered with no text at all) or is longer than <see cref="MaxCharacters"/>.
    /// </summary>
    public static async Task<DistGitCommit?> ReadAsync(TextReader reader, string watchedFile, CancellationToken cancellationToken)
    {
        var lines = new LineSource(reader, cancellationToken);
        if (await lines.NextAsync() is not { } from || from.Split(' ') is not ["From", var hash, ..] || !DistGitName.IsCommit(hash)
            || await lines.NextAsync() is not { } author || !author.StartsWith("From: ", StringComparison.Ordinal)
            || await lines.NextAsync() is not { } dateLine || !TryParseDate(dateLine, out var date)
            || await lines.NextAsync() is not { } subject || !subject.StartsWith("Subject: ", StringComparison.Ordinal)
            || await lines.NextAsync() is not "")
        {
            return null;
        }

        // The message ends at the first "---" that a blank line and a diff header follow.
        var body = new List<string>();
        while (true)
        {
            var line = await lines.NextAsync();
            if (line is null)
            {
                return null;
            }
            if (line != "---")
            {
                body.Add(line);
                continue;
            }
            var blank = await lines.NextAsync();
            var diff = blank == "" ? await lines.NextAsync() : null;
            if (diff is not null && diff.StartsWith(DiffStart, StringComparison.Ordinal))
            {
                lines.PutBack(diff);
                break;
            }
            // A "---" of the message itself: keep it and read on from the lines after it.
            body.Add(line);
            lines.PutBack(diff);
            lines.PutBack(blank);
        }

        var added = await ReadAddedFileAsync(lines, watchedFile);
        if (lines.OverLimit)
        {
            return null;
        }
        var rest = string.Join('\n', body);
        var message = subject["Subject: ".Length..] + (rest.Length > 0 ? "\n" + rest : "");
        return new DistGitCommit(hash, author["From: ".Length..], date, message, added);
    }

    /// <summary>
    /// The text of <paramref name="watchedFile"/> when a section of the diff adds it ("new file mode"), else null. A
    /// section is its header lines up to the first hunk (<c>@@</c>), then hunk lines up to the next <c>diff --git</c>.
    /// </summary>
    private static async Task<string?> ReadAddedFileAsync(LineSource lines, string watchedFile)
    {
        var header = $"{DiffStart}a/{watchedFile} b/{watchedFile}";
        string? text = null;
        string? line;
        while ((line = await lines.NextAsync()) is not null)
        {
            if (line != header)
            {
                continue;
            }
            var isNew = false;
            var inHunk = false;
            var content = new StringBuilder();
            var trailingNewline = true;
            while ((line = await lines.NextAsync()) is not null && !line.StartsWith(DiffStart, StringComparison.Ordinal))
            {
                if (!inHunk)
                {
                    isNew |= line.StartsWith("new file mode ", StringComparison.Ordinal);
                    inHunk = line.StartsWith("@@", StringComparison.Ordinal);
                }
                else if (line.StartsWith('+'))
                {
                    content.Append(line, 1, line.Length - 1).Append('\n');
                }
                else if (line.StartsWith('\\'))
                {
                    trailingNewline = false; // "\ No newline at end of file"
                }
            }
            if (isNew)
            {
                text = trailingNewline || content.Length == 0 ? content.ToString() : content.ToString(0, content.Length - 1);
            }
            if (line is not null)
            {
                lines.PutBack(line);
            }
        }
        return text;
    }

    private static bool TryParseDate(string line, out DateTimeOffset date)
    {
        date = default;
        return line.StartsWith("Date: ", StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact(line["Date: ".Length..], "MMM dd yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
    }

    /// <summary>Lines of the patch, with lines put back to be read again, that stop (and say so) past the limit.</summary>
    private sealed class LineSource(TextReader reader, CancellationToken cancellationToken)
    {
        private readonly Stack<string> _putBack = new();
        private long _read;

        public bool OverLimit => _read > MaxCharacters;

        public async Task<string?> NextAsync()
        {
            if (_putBack.TryPop(out var line))
            {
                return line;
            }
            if (OverLimit)
            {
                return null;
            }
            line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            _read += (line?.Length ?? 0) + 1;
            return OverLimit ? null : line;
        }

        /// <summary>Lines put back come out again last one first; a null (the end) is not put back.</summary>
        public void PutBack(string? line)
        {
            if (line is not null)
            {
                _putBack.Push(line);
            }
        }
    }
}
