using Octokit;
using Octokit.Internal;

namespace Releng.Jobs.GitHub;

/// <summary>Builds the Octokit client: base URL (github.com, an Enterprise server, or a test server) and token.</summary>
public static class GitHubClientFactory
{
    public static Uri DefaultBaseUrl { get; } = new("https://api.github.com/");

    public static ProductHeaderValue Product { get; } = new("releng-jobs");

    /// <summary>
    /// A client for the API at <paramref name="baseUrl"/>, used as given: null for <c>https://api.github.com/</c>,
    /// <c>https://&lt;host&gt;/api/v3/</c> for GitHub Enterprise Server, a loopback server in tests.
    /// <paramref name="handler"/> supplies the HTTP pipeline, normally the project's policy from
    /// <c>IHttpMessageHandlerFactory</c>; null uses Octokit's own.
    /// </summary>
    public static IGitHubClient Create(Uri? baseUrl, string? token, Func<HttpMessageHandler>? handler = null)
    {
        var credentials = token is { Length: > 0 } ? new Credentials(token) : Credentials.Anonymous;
        var http = new HttpClientAdapter(handler ?? HttpMessageHandlerFactory.CreateDefault);
        var connection = new Connection(Product, WithTrailingSlash(baseUrl ?? DefaultBaseUrl), new InMemoryCredentialStore(credentials), http, new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    // Relative API paths resolve against the last segment otherwise: ".../api/v3" + "repos/x" would lose "v3".
    private static Uri WithTrailingSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
}
