using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>
/// WireMock.Net routes that answer like a Koji 1.35 hub at <c>POST /kojihub</c> (and <c>/kojihub/ssllogin</c>),
/// over <see cref="KojiWorld"/>: faults as HTTP 200, 400 for empty or malformed bodies, 405 for GET, the
/// <c>Koji-Version</c> header, multicall, sessions with call-number checks. <see cref="RequestCount"/> counts the
/// HTTP requests it answered; <paramref name="latency"/> delays every answer (for benchmarks).
/// </summary>
public sealed class KojiFake(SandboxWorld world, TimeSpan? latency = null) : IServiceFake
{
    /// <summary>The header a front web server sets to its authenticated <c>REMOTE_USER</c> (see <see cref="KojiHub.RemoteUser"/>).</summary>
    public const string RemoteUserHeader = "X-Remote-User";

    private int _requests;

    public string Service => Services.ServiceName.Koji;

    /// <summary>HTTP requests answered so far (a multicall counts once).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public void Map(WireMockServer server)
    {
        var post = Response.Create().WithCallback(Answer);
        if (latency is { } delay)
        {
            post = post.WithDelay(delay);
        }
        server.Given(Request.Create().WithPath("/kojihub", "/kojihub/ssllogin").UsingPost()).RespondWith(post);
        server.Given(Request.Create().WithPath("/kojihub", "/kojihub/ssllogin").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(405)
                .WithHeader("Content-Type", "text/plain")
                .WithHeader("Allow", "POST")
                .WithBody("Method Not Allowed\nThis is an XML-RPC server. Only POST requests are accepted."));
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        (int Status, string ContentType, string Body) answer;
        lock (world.Sync)
        {
            var sslLogin = request.Path.EndsWith("/ssllogin", StringComparison.Ordinal);
            var hub = new KojiHub(world.Koji, world.Clock) { RemoteUser = sslLogin ? Header(request, RemoteUserHeader) : null };
            answer = hub.Handle(request.Body, sslLogin, name => Header(request, name));
        }
        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData
            {
                BodyAsString = answer.Body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", answer.ContentType);
        response.AddHeader("Koji-Version", "1.35.3");
        return response;
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
