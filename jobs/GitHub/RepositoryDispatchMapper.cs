using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.GitHub;

/// <summary>
/// Turns the Pagure ticket URL of a <c>repository_dispatch</c> payload (<c>client_payload.ticket_url</c>) into the
/// job whose <c>with.tracker</c> is that ticket's project, and the ticket number. The URL comes from outside, so
/// anything but <c>anything but <c>https://&lt;pagure host&gt;lt;pagure scheme and hostanything but <c>https://&lt;pagure host&gt;gt;/&lt;project&gt;/issue/&lt;number&gt;</c> on the configured Pagure is
/// refused: other hosts, forks, query strings, user info, odd ports, dot segments.
/// </summary>
public sealed partial class RepositoryDispatchMapper(JobsFile jobs, TaskCatalog catalog, Uri pagure)
{
    public const string TrackerParameter = "tracker";
    public const string PayloadKey = "ticket_url";
    private const int ShownLength = 120;

    /// <summary>The job for this ticket: among enabled jobs whose tracker matches, the one listing events; it must be unique.</summary>
    public TicketDispatch Map(string ticketUrl)
    {
        var (tracker, ticket) = Parse(ticketUrl);
        var candidates = JobsFor(tracker);
        if (candidates.Count == 0)
        {
            throw new DispatchRefusedException($"no enabled job handles tickets of '{tracker}' (ticket URL {Show(ticketUrl)})");
        }
        var listening = candidates.Where(name => jobs.Jobs[name].Events.Count > 0).ToList();
        var chosen = listening.Count > 0 ? listening : candidates;
        if (chosen.Count > 1)
        {
            throw new DispatchRefusedException($"several jobs handle tickets of '{tracker}': {string.Join(", ", chosen)}; list 'events' on exactly one of them");
        }
        return new TicketDispatch(chosen[0], tracker, ticket);
    }

    /// <summary>The ticket number, when <paramref name="job"/> is the job for this URL's tracker (the check a job's own workflow makes).</summary>
    public TicketDispatch MapForJob(string job, string ticketUrl)
    {
        var (tracker, ticket) = Parse(ticketUrl);
        if (!JobsFor(tracker).Contains(job, StringComparer.Ordinal))
        {
            throw new DispatchRefusedException($"job '{job}' does not handle tickets of '{tracker}' (ticket URL {Show(ticketUrl)})");
        }
        return new TicketDispatch(job, tracker, ticket);
    }

    /// <summary>Reads <c>ticket_url</c> from a <c>client_payload</c> object and maps it.</summary>
    public TicketDispatch MapPayload(JsonElement clientPayload)
    {
        if (clientPayload.ValueKind != JsonValueKind.Object
            || !clientPayload.TryGetProperty(PayloadKey, out var url)
            || url.ValueKind != JsonValueKind.String)
        {
            throw new DispatchRefusedException($"the payload has no '{PayloadKey}' string");
        }
        return Map(url.GetString()!);
    }

    /// <summary>The tracker (<c>releng</c>, <c>releng/fedora-scm-requests</c>) and ticket number of a ticket URL.</summary>
    public (string Tracker, int Ticket) Parse(string ticketUrl)
    {
        if (ticketUrl.Length > 500 || !Uri.TryCreate(ticketUrl.Trim(), UriKind.Absolute, out var url))
        {
            throw new DispatchRefusedException($"{Show(ticketUrl)} is not a URL");
        }
        if (url.Scheme != pagure.Scheme
            || !url.Host.Equals(pagure.Host, StringComparison.OrdinalIgnoreCase)
            || url.Port != pagure.Port
            || url.UserInfo.Length > 0
            || url.Query.Length > 0)
        {
            throw new DispatchRefusedException($"{Show(ticketUrl)} is not a ticket on {pagure.GetLeftPart(UriPartial.Authority)}");
        }
        // The URI class folds "." and ".." segments and decodes escapes; a genuine ticket link needs neither.
        var prefix = pagure.AbsolutePath.TrimEnd('/');
        if (url.OriginalString.Contains("/.", StringComparison.Ordinal)
            || url.OriginalString.Contains('%', StringComparison.Ordinal)
            || url.OriginalString.Contains('\\', StringComparison.Ordinal)
            || !url.AbsolutePath.StartsWith(prefix + "/", StringComparison.Ordinal)
            || TicketPath().Match(url.AbsolutePath[prefix.Length..]) is not { Success: true } match)
        {
            throw new DispatchRefusedException($"{Show(ticketUrl)} is not a ticket URL (expected {pagure.GetLeftPart(UriPartial.Authority)}{prefix}/<project>/issue/<number>)");
        }
        var tracker = match.Groups["tracker"].Value;
        if (tracker.StartsWith("fork/", StringComparison.Ordinal))
        {
            throw new DispatchRefusedException($"{Show(ticketUrl)} is a ticket of a fork, not of a releng tracker");
        }
        return (tracker, int.Parse(match.Groups["ticket"].Value, CultureInfo.InvariantCulture));
    }

    private List<string> JobsFor(string tracker) =>
        jobs.Jobs
            .Where(entry => entry.Value.Enabled)
            .Where(entry => catalog.Find(entry.Value.Task) is { } spec
                && spec.Parameter(TrackerParameter) is not null
                && new JobParameters(spec, entry.Value.With).TextOrNull(TrackerParameter) == tracker)
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Show(string untrusted)
    {
        var printable = new string(untrusted.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return "'" + (printable.Length > ShownLength ? printable[..ShownLength] + "…" : printable) + "'";
    }

    // A project is <repo> or <namespace>/<repo> (Pagure's naming); the ticket a positive number.
    [GeneratedRegex("^/(?<tracker>[A-Za-z0-9_][A-Za-z0-9_.+-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.+-]*)?)/issue/(?<ticket>[1-9][0-9]{0,8})/?$")]
    private static partial Regex TicketPath();
}
