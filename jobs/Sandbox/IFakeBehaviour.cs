using Microsoft.AspNetCore.Http;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// Something the sandbox does to every request one fake receives, before the fake sees it: the switches that make
/// the fake Fedora behave like a slow or unreliable real one (<c>--latency</c>; others sit beside it). A behaviour
/// runs outside every lock the fakes take, so waiting in it never holds up another fake.
/// </summary>
public interface IFakeBehaviour
{
    /// <summary>
    /// Runs before the fake answers <paramref name="context"/>'s request. Returns true when the behaviour has
    /// answered the request itself (the fake then does not see it), false to let the fake answer.
    /// </summary>
    Task<bool> BeforeAnswerAsync(string service, HttpContext context, CancellationToken cancellationToken);
}
