namespace CharRnnLab.Tests.Shared;

/// <summary>Waiting, in a test, for something another thread brings about.</summary>
public static class Poll
{
    /// <summary>
    /// Checks <paramref name="condition"/> every <paramref name="intervalMs"/> ms until it holds;
    /// fails the test after <paramref name="seconds"/> s, naming <paramref name="what"/> it waited for.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, string what, double seconds = 60, int intervalMs = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds} s waiting for {what}.");
            await Task.Delay(intervalMs);
        }
    }
}
