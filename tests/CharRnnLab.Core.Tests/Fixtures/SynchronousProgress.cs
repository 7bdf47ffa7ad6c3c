namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Reports on the reporting thread, at once (Progress&lt;T&gt; posts to the thread pool, too late for an assert).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
