namespace CharRnnLab.Web.Neurons;

public static class NeuronServiceCollectionExtensions
{
    /// <summary>The Neurons page's services: text sources, the recording cache, the lab that records, the questions asked of a recording's model, and the cell pages'.</summary>
    public static IServiceCollection AddNeuronLab(this IServiceCollection services)
    {
        services.AddSingleton<RecordingCache>();
        services.AddSingleton<NeuronTexts>();
        services.AddSingleton<NeuronLab>();
        services.AddSingleton<NeuronInfluence>();
        services.AddSingleton<CellPages>();
        services.AddSingleton<NeuronEdits>();
        services.AddSingleton<NeuronAblation>();
        return services;
    }
}
