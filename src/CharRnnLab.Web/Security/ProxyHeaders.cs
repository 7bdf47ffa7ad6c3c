namespace CharRnnLab.Web.Security;

/// <summary>
/// What the headers a reverse proxy adds say about a request. The lab applies no forwarded-headers
/// middleware: it only needs to know that a request came through a proxy (then it was not made on
/// this computer, whatever the connection's addresses say) and whether the browser used https.
/// </summary>
public static class ProxyHeaders
{
    private const string ForwardedPrefix = "X-Forwarded-";

    /// <summary>True when the request carries Forwarded, X-Forwarded-* or X-Real-IP (nginx's): it was relayed.</summary>
    public static bool IsForwarded(HttpRequest request) =>
        request.Headers.Keys.Any(name =>
            name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Real-IP", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith(ForwardedPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the browser's request was https: on this connection, or at a TLS-terminating proxy.</summary>
    public static bool IsHttps(HttpRequest request) =>
        request.IsHttps ||
        request.Headers["X-Forwarded-Proto"].ToString().StartsWith("https", StringComparison.OrdinalIgnoreCase) ||
        request.Headers["Forwarded"].ToString().Contains("proto=https", StringComparison.OrdinalIgnoreCase);

    /// <summary>The host the browser asked the proxy for (X-Forwarded-Host's first value), if a proxy said so.</summary>
    public static string? ForwardedHost(HttpRequest request)
    {
        var value = request.Headers["X-Forwarded-Host"].ToString();
        if (string.IsNullOrWhiteSpace(value)) return null;
        return value.Split(',')[0].Trim();
    }
}
