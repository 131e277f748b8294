using Microsoft.AspNetCore.Builder;
using WireMock.Server;
using WireMock.Settings;

namespace Releng.Jobs.Sandbox;

/// <summary>Starts the WireMock server of one fake on a free loopback port, with the sandbox's behaviours in front of its routes.</summary>
public static class FakeServer
{
    public static WireMockServer Start(IServiceFake fake, IReadOnlyList<IFakeBehaviour> behaviours)
    {
        var settings = new WireMockServerSettings();
        if (behaviours.Count > 0)
        {
            settings.PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(next => context =>
            {
                Func<Task> answer = () => next(context);
                foreach (var behaviour in behaviours.Reverse())
                {
                    var inner = answer;
                    answer = () => behaviour.InvokeAsync(fake.Service, context, inner);
                }
                return answer();
            });
        }
        var server = WireMockServer.Start(settings);
        fake.Map(server);
        return server;
    }
}
