using Octokit;
using Octokit.Internal;

namespace Releng.Jobs.GitHub;

/// <summary>Builds the Octokit client: base URL (github.com, an Enterprise server, or a test server) and token.</summary>
public static class GitHubClientFactory
{
    public static Uri DefaultBaseUrl { get; } = new("https://api.github.com/");

    public static ProductHeaderValue Product { get; } = new("releng-jobs");

    /// <summary>
    /// A client for <paramref name="baseUrl"/> (null for api.github.com; for any other host Octokit appends
    /// <c>api/v3/</c>, the Enterprise layout). <paramref name="handler"/> supplies the HTTP pipeline, normally the
    /// project's policy from <c>IHttpMessageHandlerFactory</c>; null uses Octokit's own.
    /// </summary>
    public static IGitHubClient Create(Uri? baseUrl, string? token, Func<HttpMessageHandler>? handler = null)
    {
        var credentials = token is { Length: > 0 } ? new Credentials(token) : Credentials.Anonymous;
        var http = new HttpClientAdapter(handler ?? HttpMessageHandlerFactory.CreateDefault);
        var connection = new Connection(Product, baseUrl ?? DefaultBaseUrl, new InMemoryCredentialStore(credentials), http, new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
