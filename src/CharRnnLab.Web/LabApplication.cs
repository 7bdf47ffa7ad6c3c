using CharRnnLab.Web.Components;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Hubs;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Security;

namespace CharRnnLab.Web;

/// <summary>Builds the lab's web application: used by Program.cs and by tests that host the real app.</summary>
public static class LabApplication
{
    /// <summary>Loopback only unless --urls says otherwise; beyond loopback, the access token is required.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(LabApplication).Assembly.GetName().Name,
            // The build output holds appsettings.json and the static web assets manifests, whatever the current directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        LabLogging.SetQuietDefaults(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        // Serve the static web assets (MudBlazor, Plotly, wwwroot-assets) straight from the build output in any environment.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddCharRnnLab(builder.Configuration);
        configure?.Invoke(builder);
        LabLogging.RedactTokens(builder);

        var app = builder.Build();
        app.UseLabRequestGuards();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server =>
            server.ContentSecurityFrameAncestorsPolicy = FrameGuardMiddleware.FrameAncestors);
        app.MapHub<TrainingHub>(TrainingHub.Path);
        app.MapNeuronEndpoints();
        app.MapRunExportEndpoints();
        return app;
    }
}
