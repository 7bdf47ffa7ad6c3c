using CharRnnLab.Web.Hubs;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Queue;

public static class QueueServiceCollectionExtensions
{
    /// <summary>The run queue, its table and its hub events. Register after the run manager: hosted
    /// services stop in reverse order, so the queue stops starting runs before the manager interrupts them.</summary>
    public static IServiceCollection AddRunQueue(this IServiceCollection services)
    {
        services.AddSingleton<RunQueueStore>();
        services.AddSingleton<RunQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RunQueue>());
        services.AddHostedService<QueueBroadcaster>();
        return services;
    }
}
