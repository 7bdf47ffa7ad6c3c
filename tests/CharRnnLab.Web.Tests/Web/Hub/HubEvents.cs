using System.Collections.Concurrent;
using CharRnnLab.Web.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Hub;

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

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds} s waiting for {what}.");
            await Task.Delay(20);
        }
    }

    public Task WaitForStateAsync(string runId, RunState state) =>
        WaitUntilAsync(() => States.Any(s => s.RunId == runId && s.State == state), $"run {runId} to be {state}");
}
