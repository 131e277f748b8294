using Microsoft.AspNetCore.Http;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// Something every fake server does to each request around its routes, whatever the service: injected faults
/// (<see cref="Faults.FaultInjection"/>), added latency. Behaviours run in the order given, outermost first, before
/// WireMock matches the request; <paramref name="next"/> lets the fake answer.
/// </summary>
public interface IFakeBehaviour
{
    Task InvokeAsync(string service, HttpContext context, Func<Task> next);
}
