using System.Net;
using Microsoft.AspNetCore.Http.Extensions;

namespace CharRnnLab.Web.Security;

/// <summary>
/// Lets a request through when it needs no token (see <see cref="AccessGate.IsRequiredFor"/>), or when it carries the token as
/// ?token=… (which also sets a cookie, then redirects to the clean URL), as the cookie,
/// as ?access_token=… (SignalR clients' WebSocket form) or as "Authorization: Bearer …".
/// Anything else gets 401 with a page that says where to find the token.
/// </summary>
public sealed class AccessTokenMiddleware(RequestDelegate next, AccessGate gate)
{
    public const string CookieName = "charrnn-token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!gate.IsRequiredFor(context)) { await next(context); return; }

        var request = context.Request;
        string? fromQuery = request.Query["token"];
        if (gate.IsValid(fromQuery))
        {
            context.Response.Cookies.Append(CookieName, fromQuery!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = ProxyHeaders.IsHttps(request),
                MaxAge = TimeSpan.FromDays(30),
            });
            if (HttpMethods.IsGet(request.Method) && AcceptsHtml(request))
            {
                context.Response.Redirect(WithoutToken(request));
                return;
            }
            await next(context);
            return;
        }

        if (gate.IsValid(request.Cookies[CookieName]) || gate.IsValid(request.Query["access_token"]) || gate.IsValid(BearerToken(request)))
        {
            await next(context);
            return;
        }

        await RefuseAsync(context);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static string WithoutToken(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "token")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!AcceptsHtml(context.Request))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(
                "CharRnnLab needs its access token. It was printed in the server's console at start-up; " +
                "pass it as ?token=…, ?access_token=… or an 'Authorization: Bearer …' header.\n");
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var path = WebUtility.HtmlEncode(context.Request.Path.Value ?? "/");
        return context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CharRnnLab — access token needed</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.5;color:#222}
            code{background:#f2f2f2;padding:.1rem .3rem;border-radius:3px}</style></head>
            <body><h1>Access token needed</h1>
            <p>This request reached the lab from another machine or through a proxy or tunnel, so it
            asks for the access token that the server printed in its console when it started, like this:</p>
            <p><code>CharRnnLab: open http://…:5000/?token=…</code></p>
            <p>Open that address (it sets a cookie, so you only do this once per browser), or add
            <code>?token=YOUR-TOKEN</code> to <code>{{path}}</code>.</p>
            <p>Lost the token? Restart the server to get a new one, or set a fixed one with
            <code>--Lab:AccessToken=…</code>.</p></body></html>
            """);
    }
}
