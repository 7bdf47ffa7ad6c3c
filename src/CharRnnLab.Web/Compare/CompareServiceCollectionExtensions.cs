namespace CharRnnLab.Web.Compare;

public static class CompareServiceCollectionExtensions
{
    /// <summary>Registers what the Compare page reads and measures runs with.</summary>
    public static IServiceCollection AddRunComparison(this IServiceCollection services)
    {
        services.AddSingleton<RunVocabulary>();
        services.AddSingleton<RunComparisonLoader>();
        services.AddSingleton<MemorySpanLoader>();
        services.AddSingleton<NgramReferenceLoader>();
        return services;
    }
}
