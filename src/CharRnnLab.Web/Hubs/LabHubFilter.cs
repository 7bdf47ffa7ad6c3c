using CharRnnLab.Core;
using Microsoft.AspNetCore.SignalR;

namespace CharRnnLab.Web.Hubs;

/// <summary>
/// Turns the lab's user-facing errors (<see cref="CharRnnException"/>: bad settings, unknown
/// run, busy slot, bad corpus) into <see cref="HubException"/>s, whose message SignalR passes
/// to the caller; the connection stays usable. Other errors stay hidden as SignalR's generic one.
/// </summary>
public sealed class LabHubFilter(ILogger<LabHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (CharRnnException ex)
        {
            throw new HubException(ex.Message);
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            logger.LogError(ex, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException($"{context.HubMethodName} failed on the server ({ex.GetType().Name}); the server log has the details.");
        }
    }
}
