using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

/// <summary>
/// A real <c>docker-registry</c> (distribution 2.8) on 127.0.0.1 with a random port and its own storage, for one
/// test. Its log (stderr) and access log (stdout) are kept so tests can see which requests a push made.
/// </summary>
internal sealed partial class RegistryServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/docker-registry";
    public const string TestUser = "releng-test";
    public const string TestPassword = "registry-test-password";

    // bcrypt (htpasswd -B -C 4) of TestPassword. The registry runs bcrypt on every request, so the lowest cost
    // keeps a push fast (cost 12 takes seconds); MD5 entries are refused by the registry.
    private const string TestPasswordHash = "$2b$04$4xAV4U0/J4hsNwCuMS45f.Nj7yXxoiYI2lRGlz4OB6bkqx6jgkfC.";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _log;
    private readonly Task[] _drains;
    private readonly HttpClient _http;

    private RegistryServer(Process process, DirectoryInfo directory, int port, bool requiresAuth, Task[] drains, StringBuilder log)
    {
        _process = process;
        _directory = directory;
        _drains = drains;
        _log = log;
        Address = $"127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri($"http://{Address}/") };
        if (requiresAuth)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestUser}:{TestPassword}")));
        }
    }

    /// <summary><c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public RepositoryReference Repository(string path) => RepositoryReference.Parse($"{Address}/{path}");

    /// <summary>Starts a registry; with <paramref name="requireAuth"/> it accepts only <see cref="TestUser"/> (Basic auth).</summary>
    public static async Task<RegistryServer> StartAsync(bool requireAuth = false)
    {
        RequiredTools.Check();
        var directory = Directory.CreateTempSubdirectory("registry-test-");
        var config = new StringBuilder()
            .AppendLine("version: 0.1")
            .AppendLine("log: {level: info, formatter: text, accesslog: {disabled: false}}")
            .AppendLine($"storage: {{filesystem: {{rootdirectory: '{directory.FullName}/storage'}}, delete: {{enabled: true}}, maintenance: {{uploadpurging: {{enabled: false}}}}}}")
            .AppendLine("http: {addr: '127.0.0.1:0', secret: not-a-secret}");
        if (requireAuth)
        {
            var htpasswd = Path.Combine(directory.FullName, "htpasswd");
            // A missing htpasswd file would be provisioned with a random user whose password is logged.
            await File.WriteAllTextAsync(htpasswd, $"{TestUser}:{TestPasswordHash}\n");
            config.AppendLine($"auth: {{htpasswd: {{realm: releng-test, path: '{htpasswd}'}}}}");
        }
        var configFile = Path.Combine(directory.FullName, "config.yml");
        await File.WriteAllTextAsync(configFile, config.ToString());

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(configFile);
        // Keys of the packaged config must not leak in through the environment.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("REGISTRY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        var process = Process.Start(start)!;

        // The registry logs to stderr and prints the port it bound ("listening on 127.0.0.1:NNNNN"); keep reading
        // afterwards so the pipe never fills.
        var log = new StringBuilder();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var drain = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (log)
                {
                    log.AppendLine(line);
                }
                if (ListeningPattern().Match(line) is { Success: true } match)
                {
                    port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            port.TrySetException(new InvalidOperationException("docker-registry exited before listening:\n" + log));
        });
        var accessLog = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (log)
                {
                    log.AppendLine(line);
                }
            }
        });

        try
        {
            var bound = await port.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var server = new RegistryServer(process, directory, bound, requireAuth, [drain, accessLog], log);
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            process.Kill();
            await process.WaitForExitAsync();
            directory.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>A manifest fetched over HTTP with every manifest type in <c>Accept</c>, as registry 2.8 requires.</summary>
    public async Task<FetchedManifest> GetManifestAsync(RepositoryReference repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository.Path}/manifests/{reference}");
        request.Headers.TryAddWithoutValidation("Accept", OciMediaTypes.AcceptAll);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new FetchedManifest(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("Docker-Content-Digest", out var digests) ? digests.Single() : null,
            body);
    }

    public async Task<string> GetBlobTextAsync(RepositoryReference repository, string digest) =>
        await _http.GetStringAsync($"v2/{repository.Path}/blobs/{digest}");

    public async Task<IReadOnlyList<string>> ListTagsAsync(RepositoryReference repository)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync($"v2/{repository.Path}/tags/list"));
        return json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Access-log lines of requests that write (blob uploads, manifest puts), up to now: a marker request is sent and
    /// awaited in the log first, because the registry logs a request only after answering it.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteRequestsAsync()
    {
        var marker = $"log-marker-{Guid.NewGuid():N}";
        using (await _http.GetAsync($"v2/{marker}/tags/list"))
        {
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Log.Contains(marker, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        return Log.Split('\n').Where(l => WriteRequestPattern().IsMatch(l)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
        await Task.WhenAll(_drains);
        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        // Any HTTP status means it is serving (200 without auth, 401 with).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync("v2/");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }
    }

    [GeneratedRegex(@"msg=""listening on 127\.0\.0\.1:(\d+)""")]
    private static partial Regex ListeningPattern();

    [GeneratedRegex(@"""(PUT|POST|PATCH|DELETE) /v2/")]
    private static partial Regex WriteRequestPattern();
}

internal sealed record FetchedManifest(HttpStatusCode Status, string? ContentType, string? DigestHeader, byte[] Body);
