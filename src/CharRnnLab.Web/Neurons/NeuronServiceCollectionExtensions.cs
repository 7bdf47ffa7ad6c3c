namespace CharRnnLab.Web.Neurons;

public static class NeuronServiceCollectionExtensions
{
    /// <summary>The Neurons page's services: text sources, the recording cache and the lab that records.</summary>
    public static IServiceCollection AddNeuronLab(this IServiceCollection services)
    {
        services.AddSingleton<RecordingCache>();
        services.AddSingleton<NeuronTexts>();
        services.AddSingleton<NeuronLab>();
        return services;
    }
}
