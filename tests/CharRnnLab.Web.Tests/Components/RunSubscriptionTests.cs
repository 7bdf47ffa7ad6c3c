using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Components;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharRnnLab.Web.Tests.Components;

public sealed class RunSubscriptionTests
{
    private readonly RunNotifier _notifier = new(NullLogger<RunNotifier>.Instance);
    private readonly List<string> _log = [];

    private static RunUpdate Update(string id, bool stateChanged) => new(
        new RunSummary(id, id, "tiny", RunState.Running, null, 0, 0, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            "upload-tiny", RunConfig.Default), [], [], stateChanged);

    /// <summary>Stands in for a component's InvokeAsync: logs that the work ran "on the dispatcher".</summary>
    private async Task Invoke(Func<Task> work)
    {
        _log.Add("invoke");
        await work();
    }

    private Task Dispatch(Exception error)
    {
        _log.Add($"dispatched {error.Message}");
        return Task.CompletedTask;
    }

    [Fact]
    public void Updates_that_pass_the_filter_are_handled_through_the_dispatcher()
    {
        using var subscription = RunSubscription.Listen(_notifier, Invoke, Dispatch, u => u.StateChanged, u => _log.Add($"handled {u.Run.Id}"));

        _notifier.Publish(Update("a", stateChanged: false));
        _notifier.Publish(Update("b", stateChanged: true));

        Assert.Equal(["invoke", "handled b"], _log);
    }

    [Fact]
    public void A_handler_that_throws_reaches_the_components_error_boundary()
    {
        using var subscription = RunSubscription.Listen(_notifier, Invoke, Dispatch, _ => true,
            (Action<RunUpdate>)(_ => throw new InvalidOperationException("boom")));

        _notifier.Publish(Update("a", stateChanged: true));

        Assert.Equal(["invoke", "dispatched boom"], _log);
    }

    [Fact]
    public void Disposing_unsubscribes()
    {
        var subscription = RunSubscription.Listen(_notifier, Invoke, Dispatch, _ => true, _ => _log.Add("handled"));
        Assert.Equal(1, _notifier.SubscriberCount);

        subscription.Dispose();
        _notifier.Publish(Update("a", stateChanged: true));

        Assert.Equal(0, _notifier.SubscriberCount);
        Assert.Empty(_log);
    }
}
