using System.Text;
using System.Text.Json;

namespace Releng.Jobs.Tickets;

/// <summary>
/// Which tickets are unretirement requests, on whichever tracker they were filed: the ones <c>fedpkg
/// request-unretirement</c> files in fedora-scm-requests (a JSON body whose <c>action</c> names an unretirement), and
/// hand-written ones whose title says "unretire" (in <c>releng/tickets</c>). The unretire job takes exactly these and
/// the scm-requests job leaves exactly these, so the two never act on the same ticket.
/// </summary>
public static class UnretirementRequests
{
    /// <summary>
    /// The <c>action</c> values that name an unretirement. The exact value fedpkg writes is not verified, so the
    /// spellings of fedpkg's command and of the other requests' actions (<c>new_repo</c>, <c>new_branch</c>) are all
    /// accepted.
    /// </summary>
    public static IReadOnlyList<string> Actions { get; } =
        ["unretirement", "request_unretirement", "request-unretirement", "unretire", "unretire_package", "unretire-package"];

    public static bool IsUnretirementAction(string? action) =>
        action is not null && Actions.Contains(action.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the unretire job handles <paramref name="ticket"/>: its body's <c>action</c> names an unretirement (every
    /// <c>action</c> key, if there are several), or it has no <c>action</c> at all and its title says "unretire". A
    /// request with another action (or a disagreeing second one) belongs to the scm-requests job, which answers it.
    /// </summary>
    public static bool Claims(Ticket ticket)
    {
        var actions = ActionsOf(ticket.Body);
        return actions.Count > 0
            ? actions.All(IsUnretirementAction)
            : ticket.Title.Contains("unretire", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every top-level <c>action</c> string of the JSON object in <paramref name="body"/> (fenced or bare); none when it holds none.</summary>
    public static IReadOnlyList<string> ActionsOf(string body)
    {
        var start = body.IndexOf('{', StringComparison.Ordinal);
        var end = body.LastIndexOf('}');
        if (start < 0 || end <= start || end - start > MaxJsonLength)
        {
            return [];
        }
        var actions = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body[start..(end + 1)]), new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("action"))
                {
                    reader.Read();
                    actions.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : "");
                }
            }
        }
        catch (JsonException)
        {
            // A broken body is the scm-requests job's to answer when it says what it is, never an unretirement.
            return actions.Count > 0 ? [.. actions, ""] : [];
        }
        return actions;
    }

    private const int MaxJsonLength = 100_000;
}
