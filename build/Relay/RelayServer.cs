using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Releng.Jobs.Relay;

namespace Releng.Build.Relay;

/// <summary>
/// The relay's HTTP face: <c>POST /forge</c> hands the forge's headers and raw body to <see cref="WebhookRelay"/> and
/// answers with its status. Bodies over <see cref="WebhookRelay.MaxBodyBytes"/> are refused before they are read.
/// </summary>
public static class RelayServer
{
    public const string Path = "/forge";

    /// <summary>A server for <paramref name="url"/> (port 0 picks a free port; <c>app.Urls</c> tells which once started).</summary>
    public static WebApplication Build(WebhookRelay relay, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        // The relay answers 413 at its own cap; Kestrel's larger limit lets it drain a moderately oversized body so the
        // sender reads that answer instead of a reset connection, and still cuts off anything far larger.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 4L * WebhookRelay.MaxBodyBytes);
        var app = builder.Build();
        app.MapPost(Path, (RequestDelegate)(http => HandleAsync(relay, http)));
        return app;
    }

    private static async Task HandleAsync(WebhookRelay relay, HttpContext http)
    {
        var request = http.Request;
        byte[] body;
        if (request.ContentLength > WebhookRelay.MaxBodyBytes)
        {
            body = new byte[WebhookRelay.MaxBodyBytes + 1];
        }
        else
        {
            body = await ReadBoundedAsync(request.Body, http.RequestAborted) ?? new byte[WebhookRelay.MaxBodyBytes + 1];
        }
        var delivery = new ForgeDelivery(
            Header(request, "X-Forgejo-Event", "X-Gitea-Event"),
            Header(request, "X-Forgejo-Delivery", "X-Gitea-Delivery"),
            Header(request, "X-Forgejo-Signature", "X-Gitea-Signature"),
            body);
        var outcome = await relay.HandleAsync(delivery, http.RequestAborted);
        http.Response.StatusCode = outcome.Status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(outcome.Reason + "\n", http.RequestAborted);
    }

    /// <summary>The body, or null when it is longer than the cap (the rest is not read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > WebhookRelay.MaxBodyBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    private static string? Header(HttpRequest request, string name, string fallback) =>
        request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value[0]
        : request.Headers.TryGetValue(fallback, out var other) && other.Count > 0 ? other[0]
        : null;
}
