using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace Releng.Jobs.Sandbox.Forgejo;

public sealed partial class ForgejoFake
{
    /// <summary>The repository's own labels, paginated, <c>X-Total-Count</c> but no <c>Link</c>.</summary>
    private ResponseMessage RepoLabels(string path, ForgejoFakeRequest request, ForgejoFakeJson json) =>
        LabelPage(Forge.Repos[path].Labels, request, label => json.Label(label, path, null));

    private ResponseMessage OrgLabels(string org, ForgejoFakeRequest request, ForgejoFakeJson json) =>
        Forge.Orgs.TryGetValue(org, out var state)
            ? LabelPage(state.Labels, request, label => json.Label(label, null, org))
            : Json(404, json.NotFound());

    private ResponseMessage LabelPage(List<ForgejoLabelState> labels, ForgejoFakeRequest request, Func<ForgejoLabelState, JsonObject> shape)
    {
        var (page, limit) = Paging(request);
        var sorted = labels.OrderBy(label => label.Name, StringComparer.Ordinal).ToList();
        var items = sorted.Skip((page - 1) * limit).Take(limit).Select(label => (JsonNode)shape(label)).ToArray();
        return Json(200, new JsonArray(items),
            new Dictionary<string, string> { ["X-Total-Count"] = sorted.Count.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>
    /// <c>POST …/issues/{index}/labels</c>: all ids or all names (mixed: 400), unknown ones ignored, an exclusive label
    /// pushing out the others of its scope; 200 with every label the issue now has. Writers only (else empty 403).
    /// </summary>
    private ResponseMessage AddLabels(string path, ForgejoIssueState issue, string user, ForgejoFakeRequest request, ForgejoFakeJson json)
    {
        if (!Forge.IsWriter(path, user))
        {
            return EmptyForbidden();
        }
        if (request.BodyProperty("labels") is not { ValueKind: JsonValueKind.Array } items)
        {
            return Json(422, json.Error("[Labels]: Required"));
        }
        var values = items.EnumerateArray().ToList();
        var known = Forge.LabelsOf(path).ToList();
        List<ForgejoLabelState> adding;
        if (values.All(value => value.ValueKind == JsonValueKind.Number))
        {
            adding = values.Select(value => known.FirstOrDefault(label => value.TryGetInt64(out var id) && label.Id == id)).OfType<ForgejoLabelState>().ToList();
        }
        else if (values.All(value => value.ValueKind == JsonValueKind.String))
        {
            adding = values.Select(value => known.FirstOrDefault(label => label.Name == value.GetString())).OfType<ForgejoLabelState>().ToList();
        }
        else
        {
            return Json(400, json.Error("labels should be an array of strings or integers"));
        }
        var changed = false;
        foreach (var label in adding.Where(label => !issue.Labels.Contains(label.Id)))
        {
            if (label.Exclusive && label.Scope is { } scope)
            {
                issue.Labels.RemoveAll(id => known.FirstOrDefault(other => other.Id == id) is { Scope: var otherScope } && otherScope == scope);
            }
            issue.Labels.Add(label.Id);
            changed = true;
        }
        if (changed)
        {
            issue.UpdatedAt = Now();
        }
        return Json(200, json.Labels(path, issue.Labels));
    }

    /// <summary><c>DELETE …/labels/{identifier}</c>: a name (v13+) or an id; unknown: 422; not on the issue: 204 all the same.</summary>
    private ResponseMessage RemoveLabel(string path, ForgejoIssueState issue, string user, string identifier, ForgejoFakeJson json)
    {
        if (!Forge.IsWriter(path, user))
        {
            return EmptyForbidden();
        }
        var known = Forge.LabelsOf(path).ToList();
        var label = known.FirstOrDefault(candidate => candidate.Name == identifier)
            ?? (long.TryParse(identifier, CultureInfo.InvariantCulture, out var id) ? known.FirstOrDefault(candidate => candidate.Id == id) : null);
        if (label is null)
        {
            return Json(422, json.Error($"label does not exist [id: 0, name: {identifier}]"));
        }
        if (issue.Labels.Remove(label.Id))
        {
            issue.UpdatedAt = Now();
        }
        return NoContent();
    }
}
