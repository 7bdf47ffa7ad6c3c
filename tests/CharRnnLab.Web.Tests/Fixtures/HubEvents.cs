using System.Collections.Concurrent;
using CharRnnLab.Web.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>Collects a hub connection's server events and waits for conditions on them.</summary>
public sealed class HubEvents
{
    public ConcurrentQueue<ProgressEvent> Progress { get; } = new();
    public ConcurrentQueue<SampleEvent> Samples { get; } = new();
    public ConcurrentQueue<StateEvent> States { get; } = new();

    public HubEvents(HubConnection connection)
    {
        connection.On<ProgressEvent>("progress", Progress.Enqueue);
        connection.On<SampleEvent>("sample", Samples.Enqueue);
        connection.On<StateEvent>("state", States.Enqueue);
    }

    public Task WaitForStateAsync(string runId, RunState state) =>
        Poll.UntilAsync(() => States.Any(s => s.RunId == runId && s.State == state), $"run {runId} to be {state}");
}
