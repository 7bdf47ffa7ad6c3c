using System.Text.Json.Serialization;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hubs;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using CharRnnLab.Web.Security;
using CharRnnLab.Web.Storage;
using CharRnnLab.Web.Yardsticks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CharRnnLab.Web.Hosting;

public static class LabServiceCollectionExtensions
{
    /// <summary>Registers the whole lab: options, run manager, storage, corpora, hub, Blazor and MudBlazor.</summary>
    public static IServiceCollection AddCharRnnLab(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LabOptions>()
            .Bind(configuration.GetSection(LabOptions.Section))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.DataDirectory)) options.DataDirectory = CharRnnLab.Core.Corpora.DataDirectory.Default();
                options.DataDirectory = Path.GetFullPath(options.DataDirectory);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LabOptions>, LabOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunNotifier>();
        services.AddSingleton<LabComputeLane>();
        services.AddHttpClient(LabCorpora.HttpClientName);
        services.AddSingleton<ILabCorpora, LabCorpora>();
        services.AddSingleton<RunFiles>();
        services.AddSingleton<RunRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<RunRecovery>()); // before anything serves a run
        services.AddSingleton<RunManager>();
        services.AddHostedService(sp => sp.GetRequiredService<RunManager>());
        services.AddSingleton<IRunHistorySource>(sp => sp.GetRequiredService<RunManager>());
        services.AddSingleton<RunImporter>();
        services.AddSingleton<SampleAhead>();
        services.AddSingleton<RunSampler>();
        services.AddSingleton<ISampleSource>(sp => sp.GetRequiredService<RunSampler>());
        services.AddNeuronLab();
        services.AddRunComparison();
        services.AddRunQueue();
        services.AddYardsticks();

        services.AddLabSecurity();

        services.AddSignalR(hub =>
            {
                hub.AddFilter<LabHubFilter>();
                hub.MaximumReceiveMessageSize = MessageLimits.MaxReceiveBytes;
            })
            .AddJsonProtocol(json =>
            {
                // A diverged run reports NaN/∞ losses; plain JSON cannot carry them.
                json.PayloadSerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
                // A run's config spells its enums as its checkpoint's meta.json does ("lstm", "rmsProp").
                json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            });
        services.AddSingleton<LabHubFilter>();
        services.AddSingleton<HubBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<HubBroadcaster>());

        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(circuit => circuit.MaximumReceiveMessageSize = MessageLimits.MaxReceiveBytes);
        services.AddMudServices();
        services.AddScoped<ILossChartInterop, PlotlyLossChartInterop>();
        return services;
    }
}
