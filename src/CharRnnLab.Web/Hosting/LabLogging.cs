using CharRnnLab.Web.Security;
using Microsoft.Extensions.Configuration.Memory;

namespace CharRnnLab.Web.Hosting;

/// <summary>
/// The console a user watches: the lab's own lines at Information, ASP.NET's per-request lines
/// and HttpClient's per-download lines only from Warning, and the access token never printed by a log line.
/// </summary>
public static class LabLogging
{
    /// <summary>Lowest-priority defaults: appsettings, environment variables and the command line
    /// (e.g. --Logging:LogLevel:Microsoft.AspNetCore=Information) still override them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        // SignalR logs every refused hub call ("Hidden size must be …") as an error with a stack trace; the caller
        // already gets the message, and LabHubFilter logs the unexpected failures itself.
        ["Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"] = "Critical",
    };

    public static void SetQuietDefaults(WebApplicationBuilder builder) =>
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });

    /// <summary>After every provider is registered (tests add theirs in LabApplication's configure).</summary>
    public static void RedactTokens(WebApplicationBuilder builder) => RedactingLoggerProvider.WrapAll(builder.Services);
}
