using Microsoft.Extensions.Primitives;

namespace CharRnnLab.Web.Security;

/// <summary>
/// Refuses with 403 what a page on another site could use to drive the lab (cross-site WebSocket
/// hijacking, CSRF): WebSocket upgrades, anything under the hub and Blazor's circuit endpoints
/// (negotiate, long polling) and every non-GET request, when their Origin is not the lab's own.
/// Browsers always send Origin on these; a request without one is a non-browser client
/// (SignalR's .NET client, curl) and is left to the access token's rules.
/// </summary>
public sealed class OriginFilterMiddleware(RequestDelegate next)
{
    private static readonly string[] GuardedPrefixes = [Hubs.TrainingHub.Path, "/_blazor"];

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin) || !IsGuarded(context) || IsSameOrigin(origin.ToString(), context.Request))
            return next(context);
        return SecurityRefusal.WriteAsync(context, StatusCodes.Status403Forbidden,
            $"CharRnnLab refuses this request from the page at '{origin}': only the lab's own pages " +
            $"({context.Request.Scheme}://{context.Request.Host}) may connect to it or change anything.");
    }

    private static bool IsGuarded(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ||
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)) ||
        GuardedPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Same host and port as the request's Host (or a proxy's X-Forwarded-Host). A Host without a port
    /// takes the Origin scheme's default, so https://lab.example.org matches "Host: lab.example.org"
    /// behind a TLS-terminating proxy. "null" (sandboxed frames, file://) never matches.
    /// </summary>
    internal static bool IsSameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        return Matches(uri, request.Host) ||
               (ProxyHeaders.ForwardedHost(request) is { } forwarded && Matches(uri, HostString.FromUriComponent(forwarded)));
    }

    private static bool Matches(Uri origin, HostString host) =>
        origin.Host.Equals(host.Host, StringComparison.OrdinalIgnoreCase) &&
        origin.Port == (host.Port ?? (origin.Scheme == "https" ? 443 : 80));
}
