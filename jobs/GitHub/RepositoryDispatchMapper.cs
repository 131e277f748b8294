using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Releng.Jobs.Configuration;
using Releng.Jobs.Tickets;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.GitHub;

/// <summary>
/// Turns the ticket URL of a <c>repository_dispatch</c> payload (<c>client_payload.ticket_url</c>) or of
/// <c>--ticket-url</c> into the job that reads that ticket's tracker (its <c>tracker</c> or <c>requests_tracker</c>),
/// and the ticket number. The URL comes from outside, so anything but a ticket on the configured forge
/// (<c>https://&lt;forge&gt;/&lt;owner&gt;/&lt;repo&gt;/issues/&lt;number&gt;</c>) or Pagure
/// (<c>https://&lt;pagure&gt;/&lt;project&gt;/issue/&lt;number&gt;</c>) is refused: other hosts, forks, query strings,
/// user info, odd ports, dot segments.
/// </summary>
public sealed partial class RepositoryDispatchMapper(JobsFile jobs, TaskCatalog catalog, Uri pagure, Uri? forge = null)
{
    public const string PayloadKey = "ticket_url";
    private const int ShownLength = 120;

    /// <summary>The job for this ticket: among enabled jobs that read its tracker, the one listing events; it must be unique.</summary>
    public TicketDispatch Map(string ticketUrl)
    {
        var (tracker, ticket) = Parse(ticketUrl);
        var candidates = JobsFor(tracker);
        if (candidates.Count == 0)
        {
            throw new DispatchRefusedException($"no enabled job handles tickets of '{tracker}' (ticket URL {Show(ticketUrl)})");
        }
        var listening = candidates.Where(candidate => jobs.Jobs[candidate.Job].Events.Count > 0).ToList();
        var chosen = listening.Count > 0 ? listening : candidates;
        // fedora-scm-requests is the scm-requests job's main tracker and a second one of the unretire job: one
        // dispatch goes to the job whose main tracker it is.
        if (chosen.Count > 1 && chosen.Count(candidate => candidate.Main) == 1)
        {
            chosen = chosen.Where(candidate => candidate.Main).ToList();
        }
        if (chosen.Count > 1)
        {
            throw new DispatchRefusedException(
                $"several jobs handle tickets of '{tracker}': {string.Join(", ", chosen.Select(c => c.Job))}; list 'events' on exactly one of them");
        }
        return new TicketDispatch(chosen[0].Job, chosen[0].Written, ticket);
    }

    /// <summary>
    /// The ticket, when <paramref name="job"/> reads this URL's tracker (the check a job's own workflow makes), with the
    /// tracker named as the job's entry writes it.
    /// </summary>
    public TicketDispatch MapForJob(string job, string ticketUrl)
    {
        var (tracker, ticket) = Parse(ticketUrl);
        var match = JobsFor(tracker).FirstOrDefault(candidate => candidate.Job == job);
        if (match.Job is null)
        {
            throw new DispatchRefusedException($"job '{job}' does not handle tickets of '{tracker}' (ticket URL {Show(ticketUrl)})");
        }
        return new TicketDispatch(job, match.Written, ticket);
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

    /// <summary>
    /// The tracker (<c>forge:releng/tickets</c>, <c>pagure:releng</c>) and ticket number of a ticket URL on the
    /// configured forge or Pagure.
    /// </summary>
    public (TrackerReference Tracker, int Ticket) Parse(string ticketUrl)
    {
        if (ticketUrl.Length > 500 || !Uri.TryCreate(ticketUrl.Trim(), UriKind.Absolute, out var url))
        {
            throw new DispatchRefusedException($"{Show(ticketUrl)} is not a URL");
        }
        if (forge is not null && SameOrigin(url, forge))
        {
            var match = MatchPath(ticketUrl, url, forge, ForgeTicketPath(), "<owner>/<repo>/issues/<number>");
            return (TrackerReference.Forge($"{match.Groups["owner"].Value}/{match.Groups["repo"].Value}"), Number(match));
        }
        if (SameOrigin(url, pagure))
        {
            var match = MatchPath(ticketUrl, url, pagure, PagureTicketPath(), "<project>/issue/<number>");
            var tracker = match.Groups["tracker"].Value;
            if (tracker.StartsWith("fork/", StringComparison.Ordinal))
            {
                throw new DispatchRefusedException($"{Show(ticketUrl)} is a ticket of a fork, not of a releng tracker");
            }
            return (TrackerReference.Pagure(tracker), Number(match));
        }
        var hosts = forge is null ? Origin(pagure) : $"{Origin(forge)} or {Origin(pagure)}";
        throw new DispatchRefusedException($"{Show(ticketUrl)} is not a ticket on {hosts}");
    }

    private static bool SameOrigin(Uri url, Uri service) =>
        url.Scheme == service.Scheme
        && url.Host.Equals(service.Host, StringComparison.OrdinalIgnoreCase)
        && url.Port == service.Port
        && url.UserInfo.Length == 0
        && url.Query.Length == 0;

    private static string Origin(Uri service) => service.GetLeftPart(UriPartial.Authority);

    private static Match MatchPath(string ticketUrl, Uri url, Uri service, Regex path, string expected)
    {
        // The URI class folds "." and ".." segments and decodes escapes; a genuine ticket link needs neither.
        var prefix = service.AbsolutePath.TrimEnd('/');
        if (url.OriginalString.Contains("/.", StringComparison.Ordinal)
            || url.OriginalString.Contains('%', StringComparison.Ordinal)
            || url.OriginalString.Contains('\\', StringComparison.Ordinal)
            || !url.AbsolutePath.StartsWith(prefix + "/", StringComparison.Ordinal)
            || path.Match(url.AbsolutePath[prefix.Length..]) is not { Success: true } match)
        {
            throw new DispatchRefusedException($"{Show(ticketUrl)} is not a ticket URL (expected {Origin(service)}{prefix}/{expected})");
        }
        return match;
    }

    private static int Number(Match match) => int.Parse(match.Groups["ticket"].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// The enabled jobs that read <paramref name="tracker"/>, each with the tracker's name as its entry writes it and
    /// whether it is the job's main <c>tracker</c> (not a second one such as <c>requests_tracker</c>).
    /// </summary>
    private List<(string Job, string Written, bool Main)> JobsFor(TrackerReference tracker)
    {
        var found = new List<(string Job, string Written, bool Main)>();
        foreach (var (job, definition) in jobs.Jobs.Where(entry => entry.Value.Enabled).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (catalog.Find(definition.Task) is not { } spec)
            {
                continue;
            }
            var parameters = new JobParameters(spec, definition.With);
            var match = Trackers.TrackerParameter.Names
                .Where(name => spec.Parameter(name) is not null)
                .Select(name => (Name: name, Written: parameters.TextOrNull(name)))
                .FirstOrDefault(candidate => TrackerReference.TryParse(candidate.Written, out var reference, out _)
                    && candidate.Written is { Length: > 0 } && reference == tracker);
            if (match.Written is not null)
            {
                found.Add((job, match.Written, match.Name == Trackers.TrackerParameter.Name));
            }
        }
        return found;
    }

    private static string Show(string untrusted)
    {
        var (shown, cut) = SafeEcho.Visible(untrusted, ShownLength);
        return "'" + shown + (cut ? "…" : "") + "'";
    }

    // A project is <repo> or <namespace>/<repo> (Pagure's naming); the ticket a positive number.
    [GeneratedRegex("^/(?<tracker>[A-Za-z0-9_][A-Za-z0-9_.+-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.+-]*)?)/issue/(?<ticket>[1-9][0-9]{0,8})/?$")]
    private static partial Regex PagureTicketPath();

    // Forgejo: /<owner>/<repo>/issues/<number>; pull requests are /pulls/.
    [GeneratedRegex("^/(?<owner>[A-Za-z0-9_][A-Za-z0-9_.-]*)/(?<repo>[A-Za-z0-9_][A-Za-z0-9_.-]*)/issues/(?<ticket>[1-9][0-9]{0,8})/?$")]
    private static partial Regex ForgeTicketPath();
}
