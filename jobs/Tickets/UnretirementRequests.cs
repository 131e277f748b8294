using System.Text.Json;

namespace Releng.Jobs.Tickets;

/// <summary>
/// Which tickets are unretirement requests, on whichever tracker they were filed: the ones <c>fedpkg
/// request-unretirement</c> files in fedora-scm-requests (a request JSON whose <c>action</c> names an unretirement),
/// and hand-written ones whose title says "unretire" (in <c>releng/tickets</c>). The unretire job takes exactly these
/// and the scm-requests job leaves exactly these, so the two never act on the same ticket.
/// </summary>
public static class UnretirementRequests
{
    /// <summary>
    /// Whether <paramref name="action"/> names an unretirement (<c>request-unretirement</c>, <c>unretirement</c>,
    /// <c>unretire</c>, …). The exact value fedpkg writes is not verified, so every spelling with the word counts.
    /// </summary>
    public static bool IsUnretirementAction(string action) => action.Contains("unretire", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the unretire job handles <paramref name="ticket"/>: its request JSON (<see cref="RequestJson"/>) has an
    /// <c>action</c> naming an unretirement; or it has no readable <c>action</c> (no JSON, broken JSON, a key given
    /// twice, no <c>action</c> key) and its title says "unretire". A request with any other <c>action</c> belongs to the
    /// scm-requests job, which answers it.
    /// </summary>
    public static bool Claims(Ticket ticket)
    {
        var parsed = RequestJson.Parse(ticket.Body);
        using (parsed.Object)
        {
            if (parsed.Object is { } json && json.TryGet("action", out var action))
            {
                return action.ValueKind == JsonValueKind.String && IsUnretirementAction(action.GetString()!);
            }
        }
        return ticket.Title.Contains("unretire", StringComparison.OrdinalIgnoreCase);
    }
}
