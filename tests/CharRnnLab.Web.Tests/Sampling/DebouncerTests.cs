using CharRnnLab.Web.Sampling;
using Microsoft.Extensions.Time.Testing;

namespace CharRnnLab.Web.Tests.Sampling;

public sealed class DebouncerTests
{
    [Fact]
    public async Task Only_the_last_of_a_burst_runs_after_the_quiet_time()
    {
        var time = new FakeTimeProvider();
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(250), time);
        var ran = new List<int>();

        var triggers = Enumerable.Range(1, 30).Select(i => debouncer.Trigger(_ => { ran.Add(i); return Task.CompletedTask; })).ToList();
        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Empty(ran);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(triggers);

        Assert.Equal([30], ran);
    }

    [Fact]
    public async Task Trigger_now_runs_at_once_and_supersedes_the_pending_one()
    {
        var time = new FakeTimeProvider();
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(250), time);
        var ran = new List<string>();

        var pending = debouncer.Trigger(_ => { ran.Add("pending"); return Task.CompletedTask; });
        var now = debouncer.TriggerNow(_ => { ran.Add("now"); return Task.CompletedTask; });
        await now;
        Assert.Equal(["now"], ran);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await pending;

        Assert.Equal(["now"], ran);
    }

    [Fact]
    public async Task A_newer_trigger_cancels_the_running_action()
    {
        var time = new FakeTimeProvider();
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(250), time);
        var started = new TaskCompletionSource();
        CancellationToken firstToken = default;

        var first = debouncer.Trigger(async token =>
        {
            firstToken = token;
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        time.Advance(TimeSpan.FromMilliseconds(250));
        await started.Task;
        var second = debouncer.Trigger(_ => Task.CompletedTask);

        await first; // completes quietly as superseded
        Assert.True(firstToken.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await second;
    }
}
