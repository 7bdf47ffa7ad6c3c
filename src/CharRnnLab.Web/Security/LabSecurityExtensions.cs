namespace CharRnnLab.Web.Security;

/// <summary>The lab's request guards, in the order they must run (README "Security" explains each).</summary>
public static class LabSecurityExtensions
{
    public static IServiceCollection AddLabSecurity(this IServiceCollection services)
    {
        services.AddSingleton<AccessGate>();
        services.AddSingleton<HostAllowList>();
        services.AddHostedService<AccessTokenAnnouncer>();
        return services;
    }

    /// <summary>
    /// Frame headers first (added as the response starts, so refusals and the exception handler's
    /// error page get them too), then Host (400: a rebound name learns nothing), Origin (403), token (401).
    /// </summary>
    public static IApplicationBuilder UseLabRequestGuards(this IApplicationBuilder app) => app
        .UseMiddleware<FrameGuardMiddleware>()
        .UseMiddleware<HostFilterMiddleware>()
        .UseMiddleware<OriginFilterMiddleware>()
        .UseMiddleware<AccessTokenMiddleware>();
}
