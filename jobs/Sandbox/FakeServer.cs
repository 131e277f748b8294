using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock.Server;
using WireMock.Settings;

namespace Releng.Jobs.Sandbox;

/// <summary>Starts the WireMock server of one fake on a free loopback port, with the sandbox's behaviours in front of its routes.</summary>
public static class FakeServer
{
    public static WireMockServer Start(IServiceFake fake, IReadOnlyList<IFakeBehaviour> behaviours)
    {
        var settings = new WireMockServerSettings { MaxRequestLogCount = SandboxHost.RequestLogLimit };
        if (behaviours.Count > 0)
        {
            settings.PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (HttpContext context, RequestDelegate next) =>
            {
                foreach (var behaviour in behaviours)
                {
                    if (await behaviour.BeforeAnswerAsync(fake.Service, context, context.RequestAborted))
                    {
                        return;
                    }
                }
                await next(context);
            });
        }
        var server = WireMockServer.Start(settings);
        fake.Map(server);
        return server;
    }
}
