using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Releng.Jobs.DistGit;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// WireMock.Net routes that answer like src.fedoraproject.org (Pagure API 0.31 with the dist-git layout) over
/// <see cref="DistGitWorld"/>: metadata from the world, branches and files read from the bare repositories with
/// git, writes that create repositories and refs. Any <c>Authorization: token …</c> is accepted on writes and
/// belongs to <see cref="DistGitWorld.TokenUser"/>, a site admin; no header or another scheme is refused like
/// Pagure refuses it.
/// <para>
/// git runs outside the world's lock, which every fake shares: metadata is read and changed under that lock, the
/// bare repositories under a lock of their own per repository, so a fork/exec here never holds up another fake.
/// </para>
/// </summary>
public sealed class DistGitFake(SandboxWorld world) : IServiceFake
{
    private const string Segment = "[^/]+";
    private const int Specific = 1;
    private const int Generic = 10;

    // Flask writes a quote as \" rather than \u0022; clients compare message texts.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, object> _repositoryLocks = new(StringComparer.Ordinal);

    public string Service => Services.ServiceName.DistGit;

    private DistGitWorld DistGit => world.DistGit;

    public void Map(WireMockServer server)
    {
        Route(server, "GET", "/api/0/-/version", Specific, _ => JsonResponse(200, new SortedDictionary<string, object?> { ["version"] = "0.31" }));
        Route(server, "POST", "/api/0/-/whoami", Specific, request => Authorized(request, () =>
            JsonResponse(200, new SortedDictionary<string, object?> { ["username"] = DistGitWorld.TokenUser })));
        Route(server, "GET", "/api/0/users/?", Specific, request => Locked(() => SearchUsers(request)));
        Route(server, "GET", $"/api/0/user/{Segment}/?", Specific, request => Locked(() => ViewUser(request)));
        Route(server, "POST", "/api/0/new/?", Specific, request => Authorized(request, () => CreateProject(request)));
        Route(server, "GET", $"/api/0/{Segment}/{Segment}/git/branches/?", Specific, ListBranches);
        Route(server, "POST", $"/api/0/{Segment}/{Segment}/git/branch/?", Specific, request => Authorized(request, () => CreateBranch(request)));
        Route(server, "GET", $"/{Segment}/{Segment}/raw/{Segment}/f/.+", Specific, RawFile);
        Route(server, "GET", $"/api/0/{Segment}/{Segment}/?", Generic, request => Locked(() => ViewProject(request)));
        Route(server, "PATCH", $"/api/0/{Segment}/{Segment}/?", Generic, request => Authorized(request, () => Locked(() => ModifyProject(request))));
    }

    private static void Route(WireMockServer server, string method, string pathPattern, int priority, Func<IRequestMessage, ResponseMessage> handler) =>
        server.Given(Request.Create().WithPath(new RegexMatcher($"^{pathPattern}$")).UsingMethod(method))
            .AtPriority(priority)
            .RespondWith(Response.Create().WithCallback(handler));

    /// <summary>Metadata work under the world's lock; never git in here.</summary>
    private T Locked<T>(Func<T> work)
    {
        lock (world.Sync)
        {
            return work();
        }
    }

    private bool ProjectExists(string ns, string name) => Locked(() => DistGit.Find(ns, name) is not null);

    /// <summary>git work on one bare repository, serialised per repository only.</summary>
    private T InRepository<T>(string path, Func<T> work)
    {
        lock (_repositoryLocks.GetOrAdd(path, _ => new object()))
        {
            return work();
        }
    }

    private ResponseMessage ViewProject(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        var project = DistGit.Find(ns, name);
        return project is null ? NoProject() : JsonResponse(200, ProjectJson(project, BaseUrl(request), withEmails: false));
    }

    private ResponseMessage ListBranches(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        if (!ProjectExists(ns, name))
        {
            return NoProject();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var (branches, defaultBranch) = InRepository(path, () =>
        {
            var bare = new BareRepository(path);
            var all = bare.Branches();
            return (all, bare.DefaultBranch(all));
        });
        var withCommits = IsTrue(Query(request, "with_commits"));
        var body = new SortedDictionary<string, object?> { ["total_branches"] = branches.Count };
        if (withCommits)
        {
            body["branches"] = new SortedDictionary<string, string>(branches.ToDictionary(b => b.Name, b => b.Head), StringComparer.Ordinal);
            body["default"] = defaultBranch is null
                ? new SortedDictionary<string, string>()
                : new SortedDictionary<string, string> { [defaultBranch] = branches.First(b => b.Name == defaultBranch).Head };
        }
        else
        {
            body["branches"] = branches.Select(b => b.Name).ToList();
            body["default"] = defaultBranch;
        }
        return JsonResponse(200, body);
    }

    private ResponseMessage RawFile(IRequestMessage request)
    {
        var segments = Segments(request);
        var (ns, name, branch) = (segments[0], segments[1], segments[3]);
        var file = string.Join('/', segments.Skip(5));
        if (!DistGitName.IsBranch(branch) || segments.Skip(5).Any(s => s is "" or "." or "..") || !ProjectExists(ns, name))
        {
            return NotFoundPage();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var content = InRepository(path, () => new BareRepository(path).ReadFile(branch, file));
        return content is null ? NotFoundPage() : TextResponse(200, content, "text/plain; charset=utf-8");
    }

    private ResponseMessage CreateProject(IRequestMessage request)
    {
        var form = Form(request);
        var name = form.GetValueOrDefault("name")?.Trim() ?? "";
        var description = form.GetValueOrDefault("description") ?? "";
        var ns = form.GetValueOrDefault("namespace")?.Trim() ?? "";
        var errors = new SortedDictionary<string, object>();
        if (name.Length == 0)
        {
            errors["name"] = new[] { "This field is required." };
        }
        else if (!DistGitName.IsRepository(name))
        {
            errors["name"] = new[] { "Invalid input." };
        }
        if (description.Length == 0)
        {
            errors["description"] = new[] { "This field is required." };
        }
        if (!DistGitName.IsNamespace(ns))
        {
            errors["namespace"] = new[] { "Not a valid choice." };
        }
        var defaultBranch = form.GetValueOrDefault("default_branch") is { Length: > 0 } b ? b : "rawhide";
        if (!DistGitName.IsBranch(defaultBranch))
        {
            errors["default_branch"] = new[] { "Invalid input." };
        }
        if (errors.Count > 0)
        {
            return Error(400, "EINVALIDREQ", "Invalid or incomplete input submitted", errors);
        }
        var fullName = $"{ns}/{name}";
        var path = DistGit.RepositoryPath(ns, name);
        return InRepository(path, () =>
        {
            if (ProjectExists(ns, name) || Directory.Exists(path))
            {
                return Error(400, "ENOCODE", $"The project repo \"{fullName}\" already exists");
            }
            var bare = BareRepository.Init(path, defaultBranch);
            if (IsTrue(form.GetValueOrDefault("create_readme")))
            {
                DistGitSeeder.CreateReadme(bare, name, description, defaultBranch, DistGitWorld.TokenUser, world.Clock);
            }
            Locked(() => AddProject(form, ns, name, description));
            var wait = !form.TryGetValue("wait", out var waitValue) || IsTrue(waitValue);
            return JsonResponse(200, wait
                ? new SortedDictionary<string, object?> { ["message"] = $"Project \"{fullName}\" created" }
                : new SortedDictionary<string, object?> { ["message"] = "Project creation queued", ["taskid"] = Guid.NewGuid().ToString() });
        });
    }

    private DistGitProjectState AddProject(Dictionary<string, string> form, string ns, string name, string description)
    {
        var now = DistGitSeeder.Timestamp(world.Clock);
        return DistGit.Projects[$"{ns}/{name}"] = new DistGitProjectState
        {
            Id = DistGit.NextProjectId++,
            Namespace = ns,
            Name = name,
            Description = description,
            Url = form.GetValueOrDefault("url") is { Length: > 0 } url ? url : null,
            Owner = DistGitWorld.TokenUser,
            DateCreated = now,
            DateModified = now,
        };
    }

    private ResponseMessage CreateBranch(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        if (!ProjectExists(ns, name))
        {
            return NoProject();
        }
        var path = DistGit.RepositoryPath(ns, name);
        return InRepository(path, () => CreateBranch(request, new BareRepository(path)));
    }

    private ResponseMessage CreateBranch(IRequestMessage request, BareRepository bare)
    {
        var form = Form(request);
        var branch = form.GetValueOrDefault("branch");
        var fromBranch = form.GetValueOrDefault("from_branch") is { Length: > 0 } fb ? fb : null;
        var fromCommit = form.GetValueOrDefault("from_commit") is { Length: > 0 } fc ? fc : null;
        if ((fromBranch is not null && fromCommit is not null) || string.IsNullOrEmpty(branch))
        {
            return Error(400, "EINVALIDREQ", "Invalid or incomplete input submitted");
        }
        string start;
        if (fromCommit is null)
        {
            fromBranch ??= "master";
            if (bare.Head(fromBranch) is not { } head)
            {
                return Error(400, "ENOCODE", $"The \"{fromBranch}\" branch does not exist");
            }
            start = head;
        }
        else
        {
            if (!DistGitName.IsCommit(fromCommit) || !bare.HasCommit(fromCommit))
            {
                return Error(400, "ENOCODE", $"The commit \"{fromCommit}\" does not exist");
            }
            start = bare.ResolveCommit(fromCommit);
        }
        if (bare.Head(branch) is not null)
        {
            return Error(400, "ENOCODE", $"The branch \"{branch}\" already exists");
        }
        if (!DistGitName.IsBranch(branch))
        {
            return Error(400, "EGITERROR", "An error occurred during a git operation");
        }
        bare.CreateBranch(branch, start);
        return JsonResponse(200, new SortedDictionary<string, object?> { ["message"] = "Project branch was created" });
    }

    private ResponseMessage ModifyProject(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        var project = DistGit.Find(ns, name);
        if (project is null)
        {
            return NoProject();
        }
        var args = Form(request);
        if (args.Count == 0 || args.Keys.Any(k => k is not ("main_admin" or "retain_access")))
        {
            return Error(400, "EINVALIDREQ", "Invalid or incomplete input submitted");
        }
        if (args.TryGetValue("main_admin", out var user))
        {
            if (!DistGit.Users.Contains(user, StringComparer.Ordinal))
            {
                return Error(400, "ENOUSER", "No such user found");
            }
            // The new main admin leaves the other access lists; the old one keeps nothing unless asked to.
            project.Admins.Remove(user);
            project.Committers.Remove(user);
            project.Collaborators.Remove(user);
            if (IsTrue(args.GetValueOrDefault("retain_access")) && project.Owner != user && !project.Admins.Contains(project.Owner))
            {
                project.Admins.Add(project.Owner);
            }
            project.Owner = user;
            project.DateModified = DistGitSeeder.Timestamp(world.Clock);
        }
        return JsonResponse(200, ProjectJson(project, BaseUrl(request), withEmails: true));
    }

    private ResponseMessage SearchUsers(IRequestMessage request)
    {
        var pattern = Query(request, "pattern");
        var users = DistGit.Users.AsEnumerable();
        if (pattern is not null)
        {
            // Pagure makes every pattern a prefix search and matches case-insensitively.
            var glob = pattern.EndsWith('*') ? pattern : pattern + "*";
            var regex = new Regex("^" + string.Join(".*", glob.Split('*').Select(Regex.Escape)) + "$", RegexOptions.IgnoreCase);
            users = users.Where(u => regex.IsMatch(u));
        }
        var list = users.Order(StringComparer.Ordinal).ToList();
        return JsonResponse(200, new SortedDictionary<string, object?>
        {
            ["mention"] = list.Select(u => new SortedDictionary<string, object?>
            {
                ["image"] = Avatar(u),
                ["name"] = world.People.GetValueOrDefault(u)?.Fullname ?? u,
                ["username"] = u,
            }).ToList(),
            ["total_users"] = list.Count,
            ["users"] = list,
        });
    }

    private ResponseMessage ViewUser(IRequestMessage request)
    {
        var user = Segments(request)[3];
        if (!DistGit.Users.Contains(user, StringComparer.Ordinal))
        {
            return Error(404, "ENOUSER", "No such user found");
        }
        var baseUrl = BaseUrl(request);
        return JsonResponse(200, new SortedDictionary<string, object?>
        {
            ["forks"] = new List<object>(),
            ["repos"] = DistGit.Projects.Values.Where(p => p.Owner == user).OrderBy(p => p.FullName, StringComparer.Ordinal)
                .Select(p => ProjectJson(p, baseUrl, withEmails: false)).ToList(),
            ["user"] = UserJson(user, baseUrl, withEmails: false),
        });
    }

    private SortedDictionary<string, object?> ProjectJson(DistGitProjectState project, string baseUrl, bool withEmails) => new()
    {
        ["access_groups"] = new SortedDictionary<string, object?>
        {
            ["admin"] = project.AdminGroups.ToList(),
            ["collaborator"] = project.CollaboratorGroups.Keys.ToList(),
            ["commit"] = project.CommitGroups.ToList(),
            ["ticket"] = new List<string>(),
        },
        ["access_users"] = new SortedDictionary<string, object?>
        {
            ["admin"] = project.Admins.ToList(),
            ["collaborator"] = project.Collaborators.Keys.ToList(),
            ["commit"] = project.Committers.ToList(),
            ["owner"] = new List<string> { project.Owner },
            ["ticket"] = new List<string>(),
        },
        ["close_status"] = new List<string>(),
        ["custom_keys"] = new List<object>(),
        ["date_created"] = project.DateCreated,
        ["date_modified"] = project.DateModified,
        ["description"] = project.Description,
        ["full_url"] = baseUrl + project.FullName,
        ["fullname"] = project.FullName,
        ["id"] = project.Id,
        ["milestones"] = new SortedDictionary<string, object?>(),
        ["name"] = project.Name,
        ["namespace"] = project.Namespace,
        ["parent"] = null,
        ["priorities"] = new SortedDictionary<string, object?>(),
        ["tags"] = new List<string>(),
        ["url_path"] = project.FullName,
        ["user"] = UserJson(project.Owner, baseUrl, withEmails),
    };

    private SortedDictionary<string, object?> UserJson(string user, string baseUrl, bool withEmails)
    {
        var person = world.People.GetValueOrDefault(user);
        var json = new SortedDictionary<string, object?>
        {
            ["full_url"] = $"{baseUrl}user/{user}",
            ["fullname"] = person?.Fullname ?? user,
            ["name"] = user,
            ["url_path"] = $"user/{user}",
        };
        if (withEmails)
        {
            var email = person?.EmailOr(user) ?? $"{user}@fedoraproject.org";
            json["default_email"] = email;
            json["emails"] = new List<string> { email };
        }
        return json;
    }

    private string Avatar(string user)
    {
        var email = world.People.GetValueOrDefault(user)?.EmailOr(user) ?? $"{user}@fedoraproject.org";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
        return $"https://seccdn.libravatar.org/avatar/{hash}?s=16&d=retro";
    }

    /// <summary>Pagure checks the token before it looks at anything else, so a write without one is 401 even for a missing project.</summary>
    private static ResponseMessage Authorized(IRequestMessage request, Func<ResponseMessage> handler)
    {
        var header = request.Headers?.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        var token = header is not null && header.StartsWith("token ", StringComparison.Ordinal) ? header["token ".Length..].Trim() : "";
        if (token.Length == 0)
        {
            return Error(401, "EINVALIDTOK",
                $"Invalid or expired token. Please visit {BaseUrl(request)}settings#nav-api-tab to get or renew your API token.",
                "Invalid token");
        }
        return handler();
    }

    private static (string Namespace, string Name) ProjectOf(IRequestMessage request, int index)
    {
        var segments = Segments(request);
        return (segments[index], segments[index + 1]);
    }

    private static string[] Segments(IRequestMessage request) =>
        request.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();

    private static string BaseUrl(IRequestMessage request) => new Uri(request.Url).GetLeftPart(UriPartial.Authority) + "/";

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Python truthiness of a form value, as Pagure reads its boolean switches.</summary>
    private static bool IsTrue(string? value) =>
        value is not null && value.Length > 0 && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    /// <summary>The request's fields, form-encoded or JSON (Pagure accepts both); the first of repeated fields.</summary>
    private static Dictionary<string, string> Form(IRequestMessage request)
    {
        var body = request.Body ?? request.BodyData?.BodyAsString ?? "";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields.TryAdd(property.Name, property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.False => "",
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    });
                }
            }
            catch (JsonException)
            {
                // Not JSON after all; Pagure would see no fields.
            }
            return fields;
        }
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            fields.TryAdd(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : "");
        }
        return fields;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static ResponseMessage NoProject() => Error(404, "ENOPROJECT", "Project not found");

    private static ResponseMessage Error(int status, string code, string message, object? errors = null)
    {
        var body = new SortedDictionary<string, object?> { ["error"] = message, ["error_code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }
        return JsonResponse(status, body);
    }

    private static ResponseMessage NotFoundPage() =>
        TextResponse(404, "<!DOCTYPE html>\n<html><head><title>Page not found :'( - Pagure</title></head><body><h2>Page not found (404)</h2></body></html>\n",
            "text/html; charset=utf-8");

    private static ResponseMessage JsonResponse(int status, object body) =>
        TextResponse(status, JsonSerializer.Serialize(body, Json) + "\n", "application/json");

    private static ResponseMessage TextResponse(int status, string body, string contentType)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }
}
