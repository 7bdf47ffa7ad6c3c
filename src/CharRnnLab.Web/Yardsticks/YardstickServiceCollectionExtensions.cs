namespace CharRnnLab.Web.Yardsticks;

public static class YardstickServiceCollectionExtensions
{
    /// <summary>Registers the yardsticks' services: where their work runs, the n-gram indexes, baselines and samples, novelty, error analysis.</summary>
    public static IServiceCollection AddYardsticks(this IServiceCollection services)
    {
        services.AddSingleton<YardstickWork>();
        services.AddSingleton<NgramIndexStore>();
        services.AddSingleton<NgramBaselineService>();
        services.AddSingleton<NgramSampleService>();
        services.AddSingleton<NoveltyService>();
        services.AddSingleton<ErrorAnalysisService>();
        return services;
    }
}
