namespace CharRnnLab.Web.Neurons;

public static class NeuronServiceCollectionExtensions
{
    /// <summary>The Neurons page's services: text sources, the recording cache, the lab that records and the questions asked of a recording's model.</summary>
    public static IServiceCollection AddNeuronLab(this IServiceCollection services)
    {
        services.AddSingleton<RecordingCache>();
        services.AddSingleton<NeuronTexts>();
        services.AddSingleton<NeuronLab>();
        services.AddSingleton<NeuronInfluence>();
        return services;
    }
}
