using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Koji;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.Koji;

/// <summary>Faults, HTTP errors and retries, with a stub server answering canned hub responses.</summary>
public sealed class KojiFaultAndRetryTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private IKojiClient Client(Credentials? credentials = null) =>
        KojiStories.HubClients(new Uri(_server.Url + "/kojihub"), credentials ?? KojiStories.Anonymous).GetRequiredService<IKojiClient>();

    private void Answer(string body, int status = 200, string contentType = "text/xml") =>
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    private static string Fault(int code, string text) =>
        $"<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>{code}</int></value>\n</member>\n" +
        $"<member>\n<name>faultString</name>\n<value><string>{text}</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n";

    [Fact]
    public async Task Fault_1000_is_a_generic_error_with_the_hubs_message()
    {
        Answer(KojiSamples.Read("22-listTagged-missing-tag.resp.xml"));

        var error = await Assert.ThrowsAsync<KojiGenericException>(() => Client().ListTaggedAsync("no-such-tag"));

        Assert.Equal(("listTagged", 1000, "No such tagInfo: 'no-such-tag'"), (error.Method, error.Code, error.FaultString));
    }

    [Fact]
    public async Task Fault_1019_is_a_parameter_error()
    {
        Answer(KojiSamples.Read("21-bad-kwarg.resp.xml"));

        var error = await Assert.ThrowsAsync<KojiParameterException>(() => Client().GetTagAsync("f42"));

        Assert.Contains("unexpected keyword argument 'bogus'", error.Message);
    }

    [Fact]
    public async Task Fault_1014_means_the_hub_is_offline()
    {
        Answer(Fault(1014, "database outage"));

        var error = await Assert.ThrowsAsync<KojiServerOfflineException>(() => Client().GetLastEventAsync());

        Assert.Equal(KojiFaultCode.ServerOffline, error.Code);
    }

    [Fact]
    public async Task Other_fault_codes_keep_their_code()
    {
        Answer(KojiSamples.Read("23-listBuilds-createdAfter-dateTime.resp.xml"));

        var error = await Assert.ThrowsAsync<KojiFaultException>(() => Client().ListBuildsAsync(new ListBuildsQuery()));

        Assert.Equal(KojiFaultCode.Unexpected, error.Code);
    }

    [Fact]
    public async Task An_http_400_for_a_malformed_request_is_a_protocol_error_with_the_hubs_text()
    {
        Answer(KojiSamples.Read("24-malformed-xml.resp.xml"), status: 400, contentType: "text/plain");

        var error = await Assert.ThrowsAsync<KojiProtocolException>(() => Client().GetTagAsync("f42"));

        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("Invalid request: no element found", error.Message);
    }

    [Fact]
    public async Task Malformed_xml_in_a_200_answer_is_a_protocol_error()
    {
        Answer("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>");

        var error = await Assert.ThrowsAsync<KojiProtocolException>(() => Client().GetTagAsync("f42"));

        Assert.Contains("not valid XML-RPC", error.Message);
    }

    [Fact]
    public async Task A_row_of_an_unexpected_shape_is_a_protocol_error_naming_the_call()
    {
        Answer(KojiSamples.Read("09-listBuilds-createdAfter-ts-countOnly.resp.xml"));

        var error = await Assert.ThrowsAsync<KojiProtocolException>(() => Client().GetTagAsync("f42"));

        Assert.Equal("getTag", error.Method);
    }

    [Fact]
    public async Task A_read_that_gets_503_is_retried_and_then_succeeds()
    {
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("Service Unavailable"));
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(KojiSamples.Read("02-getTag.resp.xml")));

        var tag = await Client().GetTagAsync("f42-updates");

        Assert.Equal(("f42-updates", 2), (tag!.Name, tag.Id));
        Assert.Equal(["x86_64", "aarch64"], tag.Arches);
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task A_tls_failure_names_its_reason_in_one_line_and_is_not_retried()
    {
        using var server = new TlsMismatchServer();
        using var services = KojiStories.HubClients(server.Url, KojiStories.Anonymous);
        var client = services.GetRequiredService<IKojiClient>();

        var error = await Assert.ThrowsAsync<KojiProtocolException>(() => client.GetLastEventAsync());

        Assert.Contains("TLS failed: ", error.Message);
        Assert.Matches("certificate|Remote", error.Message);
        Assert.DoesNotContain("see inner exception", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_session_write_that_gets_503_is_not_retried()
    {
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(b => b!.Contains("<methodName>login</methodName>")))
            .RespondWith(Response.Create().WithBody(KojiSamples.Read("30-login.resp.xml")));
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(b => b!.Contains("packageListUnblock")))
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("Service Unavailable"));
        await using var session = await Client(KojiStories.Password("kojiadmin", "kojipass")).LoginAsync();

        var error = await Assert.ThrowsAsync<KojiProtocolException>(() => session.UnblockPackageAsync("f44", "python-pyte"));

        Assert.Equal(503, error.HttpStatus);
        Assert.Single(_server.LogEntries, e => e.RequestMessage.Body!.Contains("packageListUnblock"));
    }

    [Fact]
    public async Task A_reused_call_number_is_reported_as_such()
    {
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(b => b!.Contains("<methodName>login</methodName>")))
            .RespondWith(Response.Create().WithBody(KojiSamples.Read("30-login.resp.xml")));
        _server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(b => b!.Contains("packageListUnblock")))
            .RespondWith(Response.Create().WithBody(KojiSamples.Read("47-repeat-callnum5-RetryError.resp.xml")));
        await using var session = await Client(KojiStories.Password("kojiadmin", "kojipass")).LoginAsync();

        var error = await Assert.ThrowsAsync<KojiCallNumberException>(() => session.UnblockPackageAsync("f44", "python-pyte"));

        Assert.True(error.IsReusedCallNumber);
        Assert.Equal((33, 0), (error.SessionId, error.CallNumber));
        Assert.Contains("already used", error.Message);
        Assert.Contains("may already have been applied", error.Message);
    }

    [Fact]
    public async Task A_bad_password_is_an_auth_error_that_does_not_repeat_the_password()
    {
        Answer(KojiSamples.Read("37-login-badpass.resp.xml"));

        var error = await Assert.ThrowsAsync<KojiAuthException>(() => Client(KojiStories.Password("kojiadmin", "s3cr3t-value")).LoginAsync());

        Assert.DoesNotContain("s3cr3t-value", error.ToString());
        Assert.Equal("invalid username or password", error.FaultString);
    }

    [Fact]
    public async Task Without_credentials_a_login_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<KojiCredentialsException>(() => Client().LoginAsync());

        Assert.Contains("KOJI_USER", error.Message);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task A_missing_client_certificate_file_is_reported_without_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "client.pem");

        var error = await Assert.ThrowsAsync<KojiCredentialsException>(() =>
            Client(KojiStories.Anonymous with { KojiClientCert = path }).LoginAsync());

        Assert.DoesNotContain(path, error.Message);
        Assert.Contains("KOJI_CLIENT_CERT", error.Message);
    }
}
