using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using WireMock;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>Users: the search and one user's page, as Pagure shows them.</summary>
public sealed partial class DistGitFake
{
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
}
