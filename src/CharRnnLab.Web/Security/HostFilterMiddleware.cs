namespace CharRnnLab.Web.Security;

/// <summary>Answers 400, with what to do, to a request whose Host is not on the <see cref="HostAllowList"/>.</summary>
public sealed class HostFilterMiddleware(RequestDelegate next, HostAllowList hosts)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (hosts.Allows(context.Request.Host)) return next(context);
        var host = context.Request.Host.Value ?? "";
        return SecurityRefusal.WriteAsync(context, StatusCodes.Status400BadRequest,
            $"CharRnnLab does not answer to the host name '{host}' (a web page may be trying to reach the lab " +
            "through DNS rebinding). Open it as http://127.0.0.1:PORT or http://localhost:PORT, or, if you serve it " +
            $"under this name on purpose, start it with --Lab:AllowedHosts={context.Request.Host.Host}.");
    }
}
