namespace CharRnnLab.Web.Security;

/// <summary>
/// Forbids other sites from framing the lab (clickjacking: a hidden frame over a "Start" or "Delete"
/// button): CSP frame-ancestors 'none' for current browsers, X-Frame-Options DENY for older ones.
/// Blazor's interactive pages send their own frame-ancestors (set to the same value in
/// <see cref="LabApplication"/>); every other response gets it here.
/// </summary>
public sealed class FrameGuardMiddleware(RequestDelegate next)
{
    /// <summary>The frame-ancestors source list, as Blazor's ContentSecurityFrameAncestorsPolicy takes it.</summary>
    public const string FrameAncestors = "'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            if (!response.Headers.ContainsKey("Content-Security-Policy"))
                response.Headers.ContentSecurityPolicy = $"frame-ancestors {FrameAncestors}";
            response.Headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
