using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;
using Releng.Jobs.Sandbox.Koji.XmlRpc;
using Releng.Jobs.Secrets;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.Koji;

public sealed class KojiLoginTests
{
    private static readonly Credentials Kerberos = KojiStories.Anonymous with
    {
        Krb5Keytab = "BQIAAAA3AAEACVRFU1QuTE9DQUw=", Krb5Principal = "releng-bot@TEST.LOCAL",
        KojiUser = "releng-bot", KojiPassword = "secret", KojiClientCert = "/no/such/cert.pem",
    };

    [Fact]
    public void The_login_is_chosen_from_the_credentials_kerberos_first_and_names_no_secret()
    {
        Assert.Equal(KojiLoginMethod.Kerberos, KojiLogin.For(Kerberos).Method);
        Assert.Equal("Kerberos (sslLogin with HTTP Negotiate as releng-bot@TEST.LOCAL)", KojiLogin.For(Kerberos).Description);
        Assert.Equal(KojiLoginMethod.Certificate, KojiLogin.For(Kerberos with { Krb5Keytab = null }).Method);
        Assert.Equal(KojiLoginMethod.Password, KojiLogin.For(Kerberos with { Krb5Keytab = null, KojiClientCert = null }).Method);
        Assert.Equal("password (login as releng-bot)", KojiLogin.For(Kerberos with { Krb5Keytab = null, KojiClientCert = null }).Description);
        Assert.Equal(KojiLoginMethod.None, KojiLogin.For(KojiStories.Anonymous).Method);
        Assert.DoesNotContain("secret", KojiLogin.For(Kerberos with { Krb5Keytab = null, KojiClientCert = null }).Description);
    }

    [Fact]
    public async Task Kerberos_without_the_keytab_prepared_before_the_start_fails_in_one_line_without_contacting_the_hub()
    {
        using var server = WireMockServer.Start();
        using var services = KojiStories.HubClients(new Uri(server.Url + "/kojihub"), Kerberos);
        var client = new KojiClient(services.GetRequiredService<IHttpClientFactory>(), new Uri(server.Url + "/kojihub"), Kerberos,
            kerberos: new KerberosEnvironment(null, null, null));

        var error = await Assert.ThrowsAsync<KojiCredentialsException>(() => client.LoginAsync());

        Assert.Equal("cannot log in to Koji with Kerberos: KRB5_KEYTAB is set but KRB5_CLIENT_KTNAME is not: start the run with ./build.sh (or build.ps1), which prepares the keytab before the process starts",
            error.Message);
        Assert.Empty(server.LogEntries);
    }

    [Fact]
    public async Task A_refused_ticket_at_ssllogin_says_so_in_one_line()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/kojihub/ssllogin").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Negotiate").WithBody("<html>Unauthorized</html>"));
        var keytab = Path.GetTempFileName();
        try
        {
            using var services = KojiStories.HubClients(new Uri(server.Url + "/kojihub"), Kerberos);
            var client = new KojiClient(services.GetRequiredService<IHttpClientFactory>(), new Uri(server.Url + "/kojihub"), Kerberos,
                kerberos: new KerberosEnvironment("FILE:" + keytab, "MEMORY:bot", null));

            var error = await Assert.ThrowsAsync<KojiCredentialsException>(() => client.LoginAsync());

            Assert.StartsWith($"Koji refused the Kerberos ticket at {server.Url}/kojihub/ssllogin (HTTP 401): check that KRB5_KEYTAB", error.Message);
            Assert.DoesNotContain('\n', error.Message);
            var login = Assert.Single(server.LogEntries).RequestMessage.Body!;
            Assert.Contains("<name>proxyuser</name>", login); // sent as the koji CLI sends it, nil
        }
        finally
        {
            File.Delete(keytab);
        }
    }

    [Fact]
    public async Task An_expired_session_is_opened_again_and_the_refused_call_is_sent_once_more()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(new RegexMatcher("<methodName>login</methodName>")))
            .InScenario("logins").WillSetStateTo("second")
            .RespondWith(Xml(XmlRpcServerCodec.EncodeResponse(new XmlRpcStruct { ["session-id"] = 1, ["session-key"] = "1-first", ["header-auth"] = true })));
        server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(new RegexMatcher("<methodName>login</methodName>")))
            .InScenario("logins").WhenStateIs("second")
            .RespondWith(Xml(XmlRpcServerCodec.EncodeResponse(new XmlRpcStruct { ["session-id"] = 2, ["session-key"] = "2-second", ["header-auth"] = true })));
        server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithHeader("Koji-Session-Id", "1")
                .WithBody(new RegexMatcher("packageListUnblock")))
            .RespondWith(Xml(XmlRpcServerCodec.EncodeFault(new XmlRpcFault(KojiFaultCode.AuthExpired, "session \"1\" has expired"))));
        server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithHeader("Koji-Session-Id", "2")
                .WithHeader("Koji-Session-Callnum", "0").WithBody(new RegexMatcher("packageListUnblock")))
            .RespondWith(Xml(XmlRpcServerCodec.EncodeResponse(null)));
        server.Given(Request.Create().WithPath("/kojihub").UsingPost().WithBody(new RegexMatcher("logout")))
            .RespondWith(Xml(XmlRpcServerCodec.EncodeResponse(null)));
        using var services = KojiStories.HubClients(new Uri(server.Url + "/kojihub"), KojiStories.Password("releng-bot", "secret"));

        await using (var session = await services.GetRequiredService<IKojiClient>().LoginAsync())
        {
            await session.UnblockPackageAsync("f44", "python-pyte");
            Assert.Equal(2, session.SessionId);
        }

        var methods = server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => System.Text.RegularExpressions.Regex.Match(e.RequestMessage.Body!, "<methodName>([^<]+)</methodName>").Groups[1].Value);
        Assert.Equal(["login", "packageListUnblock", "login", "packageListUnblock", "logout"], methods);
    }

    private static IResponseBuilder Xml(string body) => Response.Create().WithHeader("Content-Type", "text/xml").WithBody(body);
}
